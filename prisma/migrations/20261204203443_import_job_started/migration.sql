-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "startedAt" DATETIME;

-- CreateIndex
CREATE INDEX "ImportJob_status_startedAt_idx" ON "ImportJob"("status", "startedAt");

-- Steps already under way count from their upload, so one cut off before this column existed is settled too.
UPDATE "ImportJob" SET "startedAt" = "createdAt" WHERE "status" IN ('checking', 'running');

-- Ended jobs let go of their files, which name people (app/import/importer.server.ts).
UPDATE "ImportJob" SET "content" = x'' WHERE "status" IN ('done', 'failed');
