-- CreateTable
CREATE TABLE "SubtreeHeadcount" (
    "unitId" TEXT NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "SubtreeHeadcount_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "SubtreeCompletion" (
    "unitId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "courseVersion" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,

    CONSTRAINT "SubtreeCompletion_pkey" PRIMARY KEY ("unitId","courseId","courseVersion")
);

-- CreateIndex
CREATE INDEX "SubtreeCompletion_courseId_idx" ON "SubtreeCompletion"("courseId");

-- AddForeignKey
ALTER TABLE "SubtreeHeadcount" ADD CONSTRAINT "SubtreeHeadcount_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubtreeCompletion" ADD CONSTRAINT "SubtreeCompletion_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubtreeCompletion" ADD CONSTRAINT "SubtreeCompletion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The tallies are kept by the triggers below, in the transaction of the write, whoever writes (the app, an
-- import, the seed, a script): the PostgreSQL twin of the SQLite migration of the same name. A unit's
-- ancestors, itself included, are the ids of its materialized path ("/<root>/…/<id>/"). Every change is an
-- upsert of +n or -n, rows taken in unit id order so that two writers lock shared ancestors in one order.
CREATE FUNCTION "unit_ancestors"(unit_id text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT unnest(string_to_array(trim(both '/' from "path"), '/')) FROM "OrgUnit" WHERE "id" = unit_id
$$;

CREATE FUNCTION "tally_people"(unit_id text, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a, delta FROM "unit_ancestors"(unit_id) a ORDER BY a
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "SubtreeHeadcount"."people" + excluded."people"
$$;

CREATE FUNCTION "tally_completions"(unit_id text, user_id text, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a, e."courseId", e."courseVersion", delta
  FROM "unit_ancestors"(unit_id) a, "Enrollment" e
  WHERE e."userId" = user_id AND e."completedAt" IS NOT NULL
  ORDER BY a, e."courseId", e."courseVersion"
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "SubtreeCompletion"."completed" + excluded."completed"
$$;

CREATE FUNCTION "tally_completion"(user_id text, course_id text, course_version integer, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a, course_id, course_version, delta
  FROM "User" u, "unit_ancestors"(u."unitId") a
  WHERE u."id" = user_id
  ORDER BY a
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "SubtreeCompletion"."completed" + excluded."completed"
$$;

-- Backfill.
INSERT INTO "SubtreeHeadcount" ("unitId", "people")
SELECT a, count(*) FROM "User" u, "unit_ancestors"(u."unitId") a GROUP BY a;

INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
SELECT a, e."courseId", e."courseVersion", count(*)
FROM "Enrollment" e JOIN "User" u ON u."id" = e."userId", "unit_ancestors"(u."unitId") a
WHERE e."completedAt" IS NOT NULL
GROUP BY a, e."courseId", e."courseVersion";

-- People. Before a delete its enrollments are still there (their own delete trigger then finds no user).
CREATE FUNCTION "User_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "tally_people"(NEW."unitId", 1);
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "tally_people"(OLD."unitId", -1);
    PERFORM "tally_completions"(OLD."unitId", OLD."id", -1);
    RETURN OLD;
  END IF;
  PERFORM "tally_people"(OLD."unitId", -1);
  PERFORM "tally_people"(NEW."unitId", 1);
  PERFORM "tally_completions"(OLD."unitId", NEW."id", -1);
  PERFORM "tally_completions"(NEW."unitId", NEW."id", 1);
  RETURN NEW;
END $$;
CREATE TRIGGER "User_tally_insert" AFTER INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION "User_tally"();
CREATE TRIGGER "User_tally_delete" BEFORE DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION "User_tally"();
CREATE TRIGGER "User_tally_move" AFTER UPDATE OF "unitId" ON "User" FOR EACH ROW WHEN (OLD."unitId" <> NEW."unitId") EXECUTE FUNCTION "User_tally"();

-- Completions: an update only when what is counted changes, since every lesson step rewrites its enrollment row
-- (app/progress/steps.server.ts).
CREATE FUNCTION "Enrollment_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."completedAt" IS NOT NULL THEN
    PERFORM "tally_completion"(OLD."userId", OLD."courseId", OLD."courseVersion", -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."completedAt" IS NOT NULL THEN
    PERFORM "tally_completion"(NEW."userId", NEW."courseId", NEW."courseVersion", 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Enrollment_tally_insert" AFTER INSERT ON "Enrollment" FOR EACH ROW WHEN (NEW."completedAt" IS NOT NULL) EXECUTE FUNCTION "Enrollment_tally"();
CREATE TRIGGER "Enrollment_tally_delete" AFTER DELETE ON "Enrollment" FOR EACH ROW WHEN (OLD."completedAt" IS NOT NULL) EXECUTE FUNCTION "Enrollment_tally"();
CREATE TRIGGER "Enrollment_tally_update" AFTER UPDATE ON "Enrollment" FOR EACH ROW
WHEN ((OLD."completedAt" IS NULL) <> (NEW."completedAt" IS NULL) OR OLD."courseVersion" <> NEW."courseVersion" OR OLD."userId" <> NEW."userId" OR OLD."courseId" <> NEW."courseId")
EXECUTE FUNCTION "Enrollment_tally"();

-- A unit moved under another parent takes its subtree's tallies from its old ancestors to its new ones. The
-- parents' paths are read: moveUnit rewrites the moved subtree's paths, never theirs.
CREATE FUNCTION "OrgUnit_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SubtreeHeadcount" ("unitId", "people")
  SELECT a, sum(d) FROM (
    SELECT a, -h."people" d FROM "SubtreeHeadcount" h, "unit_ancestors"(OLD."parentId") a WHERE h."unitId" = NEW."id"
    UNION ALL
    SELECT a, h."people" FROM "SubtreeHeadcount" h, "unit_ancestors"(NEW."parentId") a WHERE h."unitId" = NEW."id"
  ) moved(a, d) GROUP BY a ORDER BY a
  ON CONFLICT ("unitId") DO UPDATE SET "people" = "SubtreeHeadcount"."people" + excluded."people";
  INSERT INTO "SubtreeCompletion" ("unitId", "courseId", "courseVersion", "completed")
  SELECT a, "courseId", "courseVersion", sum(d) FROM (
    SELECT a, c."courseId", c."courseVersion", -c."completed" d FROM "SubtreeCompletion" c, "unit_ancestors"(OLD."parentId") a WHERE c."unitId" = NEW."id"
    UNION ALL
    SELECT a, c."courseId", c."courseVersion", c."completed" FROM "SubtreeCompletion" c, "unit_ancestors"(NEW."parentId") a WHERE c."unitId" = NEW."id"
  ) moved(a, "courseId", "courseVersion", d) GROUP BY a, "courseId", "courseVersion" ORDER BY a, "courseId", "courseVersion"
  ON CONFLICT ("unitId", "courseId", "courseVersion") DO UPDATE SET "completed" = "SubtreeCompletion"."completed" + excluded."completed";
  RETURN NULL;
END $$;
CREATE TRIGGER "OrgUnit_tally_move" AFTER UPDATE OF "parentId" ON "OrgUnit" FOR EACH ROW WHEN (OLD."parentId" IS DISTINCT FROM NEW."parentId") EXECUTE FUNCTION "OrgUnit_tally"();
