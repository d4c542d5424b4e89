-- CreateTable
CREATE TABLE "Term" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "treeOn" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Committee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "formedOn" DATETIME,
    CONSTRAINT "Committee_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Committee_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "how" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    CONSTRAINT "CommitteeMember_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommitteeMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PositionRequirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "position" TEXT NOT NULL,
    "unitLevel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "effectiveFrom" DATETIME NOT NULL,
    "effectiveTo" DATETIME
);

-- CreateTable
CREATE TABLE "PlanningEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanningEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanningEntry_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanningEntry_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "on" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "reviewId" TEXT,
    "actorId" TEXT,
    CONSTRAINT "PlanningEvent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlanningEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlanningEvent_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PlanningReview" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "note" TEXT,
    CONSTRAINT "PlanningReview_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanningReview_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "participants" INTEGER NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    CONSTRAINT "PlanningStep_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanningStep_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningVote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stepId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "votes" INTEGER,
    "selected" BOOLEAN NOT NULL,
    CONSTRAINT "PlanningVote_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PlanningStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlanningVote_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlanningEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanningProcedureStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "ballot" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "effectiveFrom" DATETIME NOT NULL,
    "effectiveTo" DATETIME
);

-- CreateTable
CREATE TABLE "CourseAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "planningEntryId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CourseAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseAssignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseAssignment_planningEntryId_fkey" FOREIGN KEY ("planningEntryId") REFERENCES "PlanningEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Term_key_key" ON "Term"("key");

-- CreateIndex
CREATE INDEX "Committee_termId_idx" ON "Committee"("termId");

-- CreateIndex
CREATE UNIQUE INDEX "Committee_unitId_termId_kind_key" ON "Committee"("unitId", "termId", "kind");

-- CreateIndex
CREATE INDEX "CommitteeMember_userId_idx" ON "CommitteeMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeMember_committeeId_userId_position_key" ON "CommitteeMember"("committeeId", "userId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PositionRequirement_position_unitLevel_kind_value_effectiveFrom_key" ON "PositionRequirement"("position", "unitLevel", "kind", "value", "effectiveFrom");

-- CreateIndex
CREATE INDEX "PlanningEntry_unitId_termId_idx" ON "PlanningEntry"("unitId", "termId");

-- CreateIndex
CREATE INDEX "PlanningEntry_termId_status_idx" ON "PlanningEntry"("termId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningEntry_userId_unitId_termId_position_key" ON "PlanningEntry"("userId", "unitId", "termId", "position");

-- CreateIndex
CREATE INDEX "PlanningEvent_entryId_on_idx" ON "PlanningEvent"("entryId", "on");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningReview_unitId_termId_year_key" ON "PlanningReview"("unitId", "termId", "year");

-- CreateIndex
CREATE INDEX "PlanningStep_unitId_termId_heldOn_idx" ON "PlanningStep"("unitId", "termId", "heldOn");

-- CreateIndex
CREATE INDEX "PlanningVote_entryId_idx" ON "PlanningVote"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningVote_stepId_entryId_key" ON "PlanningVote"("stepId", "entryId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanningProcedureStep_key_effectiveFrom_key" ON "PlanningProcedureStep"("key", "effectiveFrom");

-- CreateIndex
CREATE INDEX "CourseAssignment_courseId_idx" ON "CourseAssignment"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseAssignment_userId_courseId_key" ON "CourseAssignment"("userId", "courseId");
