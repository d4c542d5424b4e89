-- A course deleted with its enrollments: its tallies go by the foreign key's cascade; the enrollments' own delete
-- must not add them back (a row for a course that no longer exists fails the foreign key, so the delete failed).
DROP TRIGGER "Enrollment_tally_delete";

CREATE TRIGGER "Enrollment_tally_delete" AFTER DELETE ON "Enrollment"
WHEN OLD."completedAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "Course" WHERE "id" = OLD."courseId") BEGIN
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a."value", OLD."courseId", OLD."courseVersion", -1
  FROM json_each((SELECT '["' || replace(substr(o."path", 2, length(o."path") - 2), '/', '","') || '"]' FROM "User" u JOIN "OrgUnit" o ON o."id" = u."unitId" WHERE u."id" = OLD."userId")) a WHERE true
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "completed" + excluded."completed";
END;
