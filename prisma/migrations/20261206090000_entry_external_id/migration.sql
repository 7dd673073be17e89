-- AlterTable
ALTER TABLE "Entry" ADD COLUMN "externalId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Entry_externalId_key" ON "Entry"("externalId");

