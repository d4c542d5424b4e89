import { beforeAll, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { handleLessonAction } from "./lesson-actions.server.ts";

let course: CatalogCourse;
beforeAll(async () => {
  course = (await buildCatalog(db, writeContentRoot({ "khoa-hanh-dong": tinyCourse() }))).bySlug.get("khoa-hanh-dong")!;
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

test("a scenario is played from its own lesson only", async () => {
  const { userId } = await createLearner(db);
  const [reading, scenarioLesson] = course.lessons;
  const play = form({ intent: "scenario", scenarioId: "tham-nha", path: JSON.stringify(["cong", "lang-nghe"]) });
  expect((await handleLessonAction(db, userId, course, reading!, play)).status).toBe(400);
  expect(await db.scenarioRun.count({ where: { enrollment: { userId } } })).toBe(0);
  expect((await handleLessonAction(db, userId, course, scenarioLesson!, play)).status).toBe(200);
  expect(await db.scenarioRun.count({ where: { enrollment: { userId } } })).toBe(1);
});

test("reflections and checklists that the lesson does not have are refused", async () => {
  const { userId } = await createLearner(db);
  const outcome = await handleLessonAction(db, userId, course, course.lessons[0]!, form({ intent: "reflection", activityId: "bia-dat", value: "Rác" }));
  expect(outcome.status).toBe(400);
  expect(await db.activityResponse.count({ where: { enrollment: { userId } } })).toBe(0);
});

test("malformed input is a 400, not an exception", async () => {
  const { userId } = await createLearner(db);
  const samples: Record<string, string>[] = [{}, { intent: "bay" }, { intent: "scenario", scenarioId: "tham-nha", path: "{khong-phai-json" }, { intent: "checklist", activityId: "x", value: "[1," }];
  for (const fields of samples)
    expect((await handleLessonAction(db, userId, course, course.lessons[1]!, form(fields))).status).toBe(400);
});
