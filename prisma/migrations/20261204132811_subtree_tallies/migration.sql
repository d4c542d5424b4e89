-- CreateTable
CREATE TABLE "SubtreeHeadcount" (
    "unitId" TEXT NOT NULL PRIMARY KEY,
    "people" INTEGER NOT NULL,
    CONSTRAINT "SubtreeHeadcount_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubtreeCompletion" (
    "unitId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "courseVersion" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,

    PRIMARY KEY ("unitId", "courseId", "courseVersion"),
    CONSTRAINT "SubtreeCompletion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubtreeCompletion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SubtreeCompletion_courseId_idx" ON "SubtreeCompletion"("courseId");

-- The tallies are kept by the triggers below, in the transaction of the write, whoever writes (the app, an
-- import, the seed, a script). A unit's ancestors, itself included, are the ids of its materialized path
-- ("/<root>/…/<id>/", ids are [a-z0-9]), read as a JSON array. Every change is an upsert of +n or -n.

-- Backfill.
INSERT INTO "SubtreeHeadcount" ("unitId", "people")
SELECT a."value", count(*)
FROM "User" u JOIN "OrgUnit" o ON o."id" = u."unitId",
  json_each('["' || replace(substr(o."path", 2, length(o."path") - 2), '/', '","') || '"]') a
GROUP BY a."value";

INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
SELECT a."value", e."courseId", e."courseVersion", count(*)
FROM "Enrollment" e JOIN "User" u ON u."id" = e."userId" JOIN "OrgUnit" o ON o."id" = u."unitId",
  json_each('["' || replace(substr(o."path", 2, length(o."path") - 2), '/', '","') || '"]') a
WHERE e."completedAt" IS NOT NULL
GROUP BY a."value", e."courseId", e."courseVersion";

-- People.
CREATE TRIGGER "User_tally_insert" AFTER INSERT ON "User" BEGIN
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a."value", 1 FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = NEW."unitId")) a WHERE true
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "people" + excluded."people";
END;

-- Before the delete: its enrollments are still there (their own delete trigger then finds no user).
CREATE TRIGGER "User_tally_delete" BEFORE DELETE ON "User" BEGIN
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a."value", -1 FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = OLD."unitId")) a WHERE true
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "people" + excluded."people";
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", e."courseId", e."courseVersion", -1
  FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = OLD."unitId")) a, "Enrollment" e
  WHERE e."userId" = OLD."id" AND e."completedAt" IS NOT NULL
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
END;

CREATE TRIGGER "User_tally_move" AFTER UPDATE OF "unitId" ON "User" WHEN OLD."unitId" <> NEW."unitId" BEGIN
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a."value", -1 FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = OLD."unitId")) a WHERE true
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "people" + excluded."people";
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a."value", 1 FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = NEW."unitId")) a WHERE true
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "people" + excluded."people";
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", e."courseId", e."courseVersion", -1
  FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = OLD."unitId")) a, "Enrollment" e
  WHERE e."userId" = NEW."id" AND e."completedAt" IS NOT NULL
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", e."courseId", e."courseVersion", 1
  FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = NEW."unitId")) a, "Enrollment" e
  WHERE e."userId" = NEW."id" AND e."completedAt" IS NOT NULL
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
END;

-- Completions.
CREATE TRIGGER "Enrollment_tally_insert" AFTER INSERT ON "Enrollment" WHEN NEW."completedAt" IS NOT NULL BEGIN
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", NEW."courseId", NEW."courseVersion", 1
  FROM json_each((SELECT '["' || replace(substr(o."path", 2, length(o."path") - 2), '/', '","') || '"]' FROM "User" u JOIN "OrgUnit" o ON o."id" = u."unitId" WHERE u."id" = NEW."userId")) a WHERE true
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
END;

CREATE TRIGGER "Enrollment_tally_delete" AFTER DELETE ON "Enrollment" WHEN OLD."completedAt" IS NOT NULL BEGIN
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", OLD."courseId", OLD."courseVersion", -1
  FROM json_each((SELECT '["' || replace(substr(o."path", 2, length(o."path") - 2), '/', '","') || '"]' FROM "User" u JOIN "OrgUnit" o ON o."id" = u."unitId" WHERE u."id" = OLD."userId")) a WHERE true
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
END;

-- Only when what is counted changes: every lesson step rewrites its enrollment row (app/progress/steps.server.ts).
CREATE TRIGGER "Enrollment_tally_update" AFTER UPDATE ON "Enrollment"
WHEN (OLD."completedAt" IS NULL) <> (NEW."completedAt" IS NULL) OR OLD."courseVersion" <> NEW."courseVersion" OR OLD."userId" <> NEW."userId" OR OLD."courseId" <> NEW."courseId" BEGIN
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", OLD."courseId", OLD."courseVersion", -1
  FROM json_each((SELECT '["' || replace(substr(o."path", 2, length(o."path") - 2), '/', '","') || '"]' FROM "User" u JOIN "OrgUnit" o ON o."id" = u."unitId" WHERE u."id" = OLD."userId")) a
  WHERE OLD."completedAt" IS NOT NULL
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", NEW."courseId", NEW."courseVersion", 1
  FROM json_each((SELECT '["' || replace(substr(o."path", 2, length(o."path") - 2), '/', '","') || '"]' FROM "User" u JOIN "OrgUnit" o ON o."id" = u."unitId" WHERE u."id" = NEW."userId")) a
  WHERE NEW."completedAt" IS NOT NULL
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
END;

-- A unit moved under another parent takes its subtree's tallies from its old ancestors to its new ones. The
-- parents' paths are read: moveUnit rewrites the moved subtree's paths, never theirs.
CREATE TRIGGER "OrgUnit_tally_move" AFTER UPDATE OF "parentId" ON "OrgUnit" WHEN OLD."parentId" IS NOT NEW."parentId" BEGIN
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a."value", -h."people"
  FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = OLD."parentId")) a, "SubtreeHeadcount" h
  WHERE h."unitId" = NEW."id"
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "people" + excluded."people";
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a."value", h."people"
  FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = NEW."parentId")) a, "SubtreeHeadcount" h
  WHERE h."unitId" = NEW."id"
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "people" + excluded."people";
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", c."courseId", c."courseVersion", -c."completed"
  FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = OLD."parentId")) a, "SubtreeCompletion" c
  WHERE c."unitId" = NEW."id"
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", c."courseId", c."courseVersion", c."completed"
  FROM json_each((SELECT '["' || replace(substr("path", 2, length("path") - 2), '/', '","') || '"]' FROM "OrgUnit" WHERE "id" = NEW."parentId")) a, "SubtreeCompletion" c
  WHERE c."unitId" = NEW."id"
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
END;
