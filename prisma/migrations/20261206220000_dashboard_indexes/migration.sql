-- The knowledge dashboard's contributors per community, read in (community, author) order.
CREATE INDEX "Note_communityId_authorId_createdAt_idx" ON "Note"("communityId", "authorId", "createdAt");

-- Knowledge gaps read from the index alone: the query joins resultCount and createdAt.
DROP INDEX "SearchLog_resultCount_createdAt_idx";
CREATE INDEX "SearchLog_resultCount_createdAt_query_idx" ON "SearchLog"("resultCount", "createdAt", "query");
