-- Knowledge lifecycle (issue 10): flags, reviews, retirement of entries and products, synonyms, work-queue assignment.
-- AlterTable
ALTER TABLE "Community" ADD COLUMN "reviewIntervalDays" INTEGER;

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN "handledAt" DATETIME;
ALTER TABLE "Feedback" ADD COLUMN "reason" TEXT;

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "resolvedVersion" INTEGER,
    "assigneeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Flag_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Flag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Flag_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Flag_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EntryReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "nextReviewBy" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EntryReview_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SynonymRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "term" TEXT,
    "words" TEXT NOT NULL,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SynonymRule_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isProduct" BOOLEAN NOT NULL DEFAULT false,
    "reviewIntervalDays" INTEGER,
    "retirementAnnouncedAt" DATETIME,
    "retiresOn" DATETIME,
    "retirementNote" TEXT,
    "archiveOnRetire" BOOLEAN NOT NULL DEFAULT false,
    "retirementArchivedAt" DATETIME
);
INSERT INTO "new_Tag" ("id", "name") SELECT "id", "name" FROM "Tag";
DROP TABLE "Tag";
ALTER TABLE "new_Tag" RENAME TO "Tag";
CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");
CREATE INDEX "Tag_retiresOn_idx" ON "Tag"("retiresOn");
CREATE TABLE "new_Note" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'FIELD_NOTE',
    "authorId" TEXT NOT NULL,
    "communityId" TEXT,
    "title" TEXT NOT NULL,
    "bodyJson" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "reviewerId" TEXT,
    "decisionReason" TEXT,
    "decidedAt" DATETIME,
    "assigneeId" TEXT,
    "entryId" TEXT,
    "acceptedAnswerId" TEXT,
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Note_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_acceptedAnswerId_fkey" FOREIGN KEY ("acceptedAnswerId") REFERENCES "Answer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Note" ("acceptedAnswerId", "acceptedAt", "authorId", "bodyJson", "bodyText", "communityId", "createdAt", "decidedAt", "decisionReason", "entryId", "id", "kind", "reviewerId", "state", "title", "updatedAt") SELECT "acceptedAnswerId", "acceptedAt", "authorId", "bodyJson", "bodyText", "communityId", "createdAt", "decidedAt", "decisionReason", "entryId", "id", "kind", "reviewerId", "state", "title", "updatedAt" FROM "Note";
DROP TABLE "Note";
ALTER TABLE "new_Note" RENAME TO "Note";
CREATE UNIQUE INDEX "Note_acceptedAnswerId_key" ON "Note"("acceptedAnswerId");
CREATE INDEX "Note_state_createdAt_idx" ON "Note"("state", "createdAt");
CREATE INDEX "Note_authorId_createdAt_idx" ON "Note"("authorId", "createdAt");
CREATE INDEX "Note_entryId_idx" ON "Note"("entryId");
CREATE INDEX "Note_communityId_kind_createdAt_idx" ON "Note"("communityId", "kind", "createdAt");
CREATE INDEX "Note_decidedAt_state_createdAt_idx" ON "Note"("decidedAt", "state", "createdAt");
CREATE INDEX "Note_communityId_createdAt_authorId_idx" ON "Note"("communityId", "createdAt", "authorId");
CREATE INDEX "Note_state_assigneeId_createdAt_idx" ON "Note"("state", "assigneeId", "createdAt");
CREATE TABLE "new_Entry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "bodyJson" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "communityId" TEXT,
    "ownerId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewBy" DATETIME,
    "lastReviewedAt" DATETIME,
    "reviewAssigneeId" TEXT,
    "archivedAt" DATETIME,
    "archiveReason" TEXT,
    "successorId" TEXT,
    "helpfulCount" INTEGER NOT NULL DEFAULT 0,
    "reuseCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Entry_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Entry_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Entry_reviewAssigneeId_fkey" FOREIGN KEY ("reviewAssigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Entry_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Entry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Entry" ("bodyJson", "bodyText", "communityId", "createdAt", "helpfulCount", "id", "ownerId", "reuseCount", "reviewBy", "state", "title", "updatedAt", "version") SELECT "bodyJson", "bodyText", "communityId", "createdAt", "helpfulCount", "id", "ownerId", "reuseCount", "reviewBy", "state", "title", "updatedAt", "version" FROM "Entry";
DROP TABLE "Entry";
ALTER TABLE "new_Entry" RENAME TO "Entry";
CREATE INDEX "Entry_state_updatedAt_idx" ON "Entry"("state", "updatedAt");
CREATE INDEX "Entry_state_reviewBy_idx" ON "Entry"("state", "reviewBy");
CREATE INDEX "Entry_archivedAt_idx" ON "Entry"("archivedAt");
CREATE INDEX "Entry_successorId_idx" ON "Entry"("successorId");
CREATE INDEX "Entry_ownerId_idx" ON "Entry"("ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Flag_state_createdAt_idx" ON "Flag"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Flag_entryId_state_idx" ON "Flag"("entryId", "state");

-- CreateIndex
CREATE INDEX "Flag_userId_createdAt_idx" ON "Flag"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Flag_resolvedAt_idx" ON "Flag"("resolvedAt");

-- CreateIndex
CREATE INDEX "Flag_state_assigneeId_createdAt_idx" ON "Flag"("state", "assigneeId", "createdAt");

-- CreateIndex
CREATE INDEX "EntryReview_createdAt_basis_idx" ON "EntryReview"("createdAt", "basis");

-- CreateIndex
CREATE INDEX "EntryReview_entryId_createdAt_idx" ON "EntryReview"("entryId", "createdAt");

-- CreateIndex
CREATE INDEX "SynonymRule_kind_term_idx" ON "SynonymRule"("kind", "term");

-- CreateIndex
CREATE INDEX "Feedback_helpful_handledAt_createdAt_idx" ON "Feedback"("helpful", "handledAt", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_entryId_helpful_createdAt_idx" ON "Feedback"("entryId", "helpful", "createdAt");


-- Redefining "Note" dropped the expression index of 20261122120000_decision_minutes_index: the same again.
CREATE INDEX "Note_decisionMinutes_decidedAt_state_idx" ON "Note"(CAST(ROUND((julianday("decidedAt") - julianday("createdAt")) * 1440) AS INTEGER), "decidedAt", "state");

-- One open flag per person per entry (a partial index, which schema.prisma cannot describe; PostgreSQL has it too).
CREATE UNIQUE INDEX "Flag_open_entryId_userId_key" ON "Flag"("entryId", "userId") WHERE "state" = 'OPEN';

-- Entries published before this migration were last reviewed when they were published.
UPDATE "Entry" SET "lastReviewedAt" = "createdAt" WHERE "lastReviewedAt" IS NULL;
