/*
  Warnings:

  - You are about to drop the column `position` on the `User` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "PositionHolding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "from" DATETIME NOT NULL,
    "to" DATETIME,
    CONSTRAINT "PositionHolding_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionHolding_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CourseRequirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "position" TEXT,
    "dueOn" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CourseRequirement_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseRequirement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MembershipReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MembershipReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnionModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "startedOn" DATETIME NOT NULL,
    "endedOn" DATETIME,
    "effective" BOOLEAN NOT NULL DEFAULT false,
    "replicatedFromId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UnionModel_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnionModel_replicatedFromId_fkey" FOREIGN KEY ("replicatedFromId") REFERENCES "UnionModel" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PolicyRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,
    "effectiveFrom" DATETIME NOT NULL,
    "effectiveTo" DATETIME,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "unitPath" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "status" TEXT NOT NULL,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "estimatedMinutes" INTEGER NOT NULL,
    "passMark" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "ownerUnitId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Course_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "OrgUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Course" ("contentHash", "createdAt", "estimatedMinutes", "id", "passMark", "slug", "source", "summary", "title", "updatedAt", "version") SELECT "contentHash", "createdAt", "estimatedMinutes", "id", "passMark", "slug", "source", "summary", "title", "updatedAt", "version" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE UNIQUE INDEX "Course_slug_key" ON "Course"("slug");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "externalId" TEXT,
    "gender" TEXT NOT NULL,
    "birthYear" INTEGER,
    "birthDate" DATETIME,
    "ethnicity" TEXT,
    "partyMember" BOOLEAN NOT NULL DEFAULT false,
    "partySince" DATETIME,
    "theoryLevel" TEXT,
    "education" TEXT,
    "unitId" TEXT NOT NULL,
    "deactivatedAt" DATETIME,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_User" ("birthYear", "createdAt", "email", "gender", "id", "name", "phone", "unitId", "updatedAt") SELECT "birthYear", "createdAt", "email", "gender", "id", "name", "phone", "unitId", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");
CREATE INDEX "User_unitId_idx" ON "User"("unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
