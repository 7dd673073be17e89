-- CreateTable
CREATE TABLE "OnboardingItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "departmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OnboardingItem_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentoringPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "departmentId" TEXT NOT NULL,
    "newcomerId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "pairedById" TEXT,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MentoringPlan_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringPlan_newcomerId_fkey" FOREIGN KEY ("newcomerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringPlan_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringPlan_pairedById_fkey" FOREIGN KEY ("pairedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentoringPlanItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PLANNED',
    "shownAt" DATETIME,
    "practisedAt" DATETIME,
    "signedOffAt" DATETIME,
    "signedOffById" TEXT,
    CONSTRAINT "MentoringPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "MentoringPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringPlanItem_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentoringSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "minutes" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "loggedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MentoringSession_planId_fkey" FOREIGN KEY ("planId") REFERENCES "MentoringPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MentoringSession_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LearningEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "minutes" INTEGER NOT NULL,
    "costCents" INTEGER NOT NULL,
    "certificateOn" DATETIME,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LearningEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LearningEntry_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OnboardingItem_departmentId_position_idx" ON "OnboardingItem"("departmentId", "position");

-- CreateIndex
CREATE INDEX "MentoringPlan_departmentId_endsOn_idx" ON "MentoringPlan"("departmentId", "endsOn");

-- CreateIndex
CREATE INDEX "MentoringPlan_newcomerId_idx" ON "MentoringPlan"("newcomerId");

-- CreateIndex
CREATE INDEX "MentoringPlan_mentorId_idx" ON "MentoringPlan"("mentorId");

-- CreateIndex
CREATE INDEX "MentoringPlanItem_planId_position_idx" ON "MentoringPlanItem"("planId", "position");

-- CreateIndex
CREATE INDEX "MentoringSession_planId_date_idx" ON "MentoringSession"("planId", "date");

-- CreateIndex
CREATE INDEX "MentoringSession_date_idx" ON "MentoringSession"("date");

-- CreateIndex
CREATE INDEX "LearningEntry_userId_date_idx" ON "LearningEntry"("userId", "date");

-- CreateIndex
CREATE INDEX "LearningEntry_state_date_idx" ON "LearningEntry"("state", "date");

