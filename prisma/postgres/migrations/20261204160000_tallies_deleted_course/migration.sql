-- A course deleted with its enrollments: its tallies go by the foreign key's cascade; the enrollments' own delete
-- must not add them back (a row for a course that no longer exists fails the foreign key, so the delete failed).
CREATE OR REPLACE FUNCTION "tally_completion"(user_id text, course_id text, course_version integer, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a, course_id, course_version, delta
  FROM "User" u, "unit_ancestors"(u."unitId") a
  WHERE u."id" = user_id AND EXISTS (SELECT 1 FROM "Course" c WHERE c."id" = course_id)
  ORDER BY a
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "SubtreeCompletion"."completed" + excluded."completed"
$$;
