-- CreateTable
CREATE TABLE "Thanks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "giverId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "entryId" TEXT,
    "answerId" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Thanks_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thanks_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thanks_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thanks_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Spotlight" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "entryId" TEXT,
    "tagId" TEXT,
    "note" TEXT NOT NULL,
    "pinnedById" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    CONSTRAINT "Spotlight_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Spotlight_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Spotlight_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Spotlight_pinnedById_fkey" FOREIGN KEY ("pinnedById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (a column added, never a table redefinition: other migrations' indexes on "Note" stay)
ALTER TABLE "Note" ADD COLUMN "anonymous" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Thanks_recipientId_createdAt_idx" ON "Thanks"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "Thanks_entryId_idx" ON "Thanks"("entryId");

-- CreateIndex
CREATE INDEX "Thanks_answerId_idx" ON "Thanks"("answerId");

-- CreateIndex
CREATE UNIQUE INDEX "Thanks_giverId_recipientId_entryId_key" ON "Thanks"("giverId", "recipientId", "entryId");

-- CreateIndex
CREATE UNIQUE INDEX "Thanks_giverId_answerId_key" ON "Thanks"("giverId", "answerId");

-- CreateIndex
CREATE INDEX "Spotlight_communityId_endsAt_idx" ON "Spotlight"("communityId", "endsAt");

-- CreateIndex
CREATE INDEX "Spotlight_entryId_idx" ON "Spotlight"("entryId");

-- CreateIndex
CREATE INDEX "Spotlight_tagId_idx" ON "Spotlight"("tagId");

