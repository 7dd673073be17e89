-- DropIndex
DROP INDEX "SearchLog_createdAt_idx";

-- CreateIndex
CREATE INDEX "Note_decidedAt_state_createdAt_idx" ON "Note"("decidedAt", "state", "createdAt");

-- CreateIndex
CREATE INDEX "Note_communityId_createdAt_authorId_idx" ON "Note"("communityId", "createdAt", "authorId");

-- CreateIndex
CREATE INDEX "SearchLog_createdAt_resultCount_idx" ON "SearchLog"("createdAt", "resultCount");

