-- AlterTable
ALTER TABLE "CourseVersion" ADD COLUMN "compiled" TEXT;
