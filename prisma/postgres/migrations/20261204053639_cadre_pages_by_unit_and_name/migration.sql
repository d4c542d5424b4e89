-- DropIndex
DROP INDEX "User_unitId_idx";

-- CreateIndex
CREATE INDEX "User_unitId_name_id_idx" ON "User"("unitId", "name", "id");
