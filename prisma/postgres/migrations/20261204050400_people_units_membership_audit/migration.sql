-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "ownerUnitId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "birthDate" TIMESTAMP(3),
ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "education" TEXT,
ADD COLUMN     "ethnicity" TEXT,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "partyMember" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "partySince" TIMESTAMP(3),
ADD COLUMN     "theoryLevel" TEXT;

-- CreateTable
CREATE TABLE "PositionHolding" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3),

    CONSTRAINT "PositionHolding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseRequirement" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "position" TEXT,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipReport" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "half" INTEGER NOT NULL,
    "womenAdult" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,
    "joined" INTEGER NOT NULL DEFAULT 0,
    "left" INTEGER NOT NULL DEFAULT 0,
    "honoraryMembers" INTEGER NOT NULL DEFAULT 0,
    "households" INTEGER,
    "householdsWithMember" INTEGER,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MembershipReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnionModel" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "startedOn" TIMESTAMP(3) NOT NULL,
    "endedOn" TIMESTAMP(3),
    "effective" BOOLEAN NOT NULL DEFAULT false,
    "replicatedFromId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnionModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyRule" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "effectiveTo" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "PolicyRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "unitPath" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" TEXT NOT NULL,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PositionHolding_position_unitId_idx" ON "PositionHolding"("position", "unitId");

-- CreateIndex
CREATE INDEX "PositionHolding_unitId_idx" ON "PositionHolding"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PositionHolding_userId_unitId_position_from_key" ON "PositionHolding"("userId", "unitId", "position", "from");

-- CreateIndex
CREATE INDEX "CourseRequirement_unitId_idx" ON "CourseRequirement"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseRequirement_courseId_unitId_position_key" ON "CourseRequirement"("courseId", "unitId", "position");

-- CreateIndex
CREATE INDEX "MembershipReport_year_half_idx" ON "MembershipReport"("year", "half");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipReport_unitId_year_half_key" ON "MembershipReport"("unitId", "year", "half");

-- CreateIndex
CREATE INDEX "UnionModel_unitId_idx" ON "UnionModel"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyRule_key_effectiveFrom_key" ON "PolicyRule"("key", "effectiveFrom");

-- CreateIndex
CREATE INDEX "AuditEvent_unitPath_at_idx" ON "AuditEvent"("unitPath", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "ImportJob_userId_createdAt_idx" ON "ImportJob"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");

-- AddForeignKey
ALTER TABLE "PositionHolding" ADD CONSTRAINT "PositionHolding_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionHolding" ADD CONSTRAINT "PositionHolding_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "OrgUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseRequirement" ADD CONSTRAINT "CourseRequirement_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseRequirement" ADD CONSTRAINT "CourseRequirement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipReport" ADD CONSTRAINT "MembershipReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionModel" ADD CONSTRAINT "UnionModel_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionModel" ADD CONSTRAINT "UnionModel_replicatedFromId_fkey" FOREIGN KEY ("replicatedFromId") REFERENCES "UnionModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Carry each cadre's free-text position over as a holding of a known position, from the day the
-- account was made; texts that name no known position are dropped with the column.
INSERT INTO "PositionHolding" ("id", "userId", "unitId", "position", "from")
SELECT 'migrated-' || "id", "id", "unitId", "known", "createdAt" FROM (
  SELECT "id", "unitId", "createdAt", CASE
    WHEN "position" = 'Chi hội trưởng' THEN 'chi_hoi_truong'
    WHEN "position" = 'Chi hội phó' THEN 'chi_hoi_pho'
    WHEN "position" LIKE 'Phó Chủ tịch Hội LHPN%' THEN 'hoi_pho_chu_tich'
    WHEN "position" LIKE 'Chủ tịch Hội LHPN%' THEN 'hoi_chu_tich'
    WHEN "position" LIKE 'Báo cáo viên%' THEN 'bao_cao_vien'
    WHEN "position" LIKE 'Trưởng Ban%' THEN 'hoi_truong_ban'
  END AS "known" FROM "User"
) AS "positions" WHERE "known" IS NOT NULL;

-- AlterTable
ALTER TABLE "User" DROP COLUMN "position";
