-- DropIndex
DROP INDEX "User_unitId_idx";

-- CreateIndex
CREATE INDEX "User_unitId_name_id_idx" ON "User"("unitId", "name", "id");

-- CreateIndex
CREATE INDEX "Enrollment_userId_courseId_completedAt_courseVersion_idx" ON "Enrollment"("userId", "courseId", "completedAt", "courseVersion");
