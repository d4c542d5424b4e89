import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { createLearner } from "#tests/unit/people.ts";
import { completedInCoursesSql, completedSql, isCompleted, needsRefresh } from "./refresh.server.ts";

const requirement = { version: 3, publishedAt: new Date("2026-06-01") };

test("only a completion on a version older than the marked one is due for a new round", () => {
  expect(needsRefresh({ completedAt: new Date(), courseVersion: 2 }, requirement)).toBe(true);
  expect(needsRefresh({ completedAt: new Date(), courseVersion: 3 }, requirement)).toBe(false);
  expect(needsRefresh({ completedAt: null, courseVersion: 1 }, requirement)).toBe(false);
  expect(needsRefresh({ completedAt: new Date(), courseVersion: 1 }, null)).toBe(false);
});

test("a completion due for a new round is not completed; neither is an unfinished one", () => {
  expect(isCompleted({ completedAt: new Date(), courseVersion: 2 }, requirement)).toBe(false);
  expect(isCompleted({ completedAt: new Date(), courseVersion: 3 }, requirement)).toBe(true);
  expect(isCompleted({ completedAt: null, courseVersion: 3 }, requirement)).toBe(false);
  expect(isCompleted({ completedAt: new Date(), courseVersion: 1 }, null)).toBe(true);
});

test("the database condition selects exactly the enrollments the predicate calls completed, in every case", async () => {
  const { userId } = await createLearner(db);
  const cases = [null, new Date("2026-05-01")].flatMap((completedAt) => [1, 2, 3, 4].map((courseVersion) => ({ completedAt, courseVersion })));
  const enrollments = [];
  for (const [i, c] of cases.entries()) {
    const course = await db.course.create({ data: { slug: `lam-moi-${i}`, title: "t", summary: "s", source: "content", estimatedMinutes: 1, passMark: 80, contentHash: "h", version: 4 }, select: { id: true } });
    enrollments.push({ ...c, ...(await db.enrollment.create({ data: { userId, courseId: course.id, ...c }, select: { id: true } })) });
  }
  const counted = [];
  for (const rule of [null, requirement, { ...requirement, version: 1 }, { ...requirement, version: 5 }]) {
    const rows = await db.$queryRaw<{ id: string }[]>`select e."id" from "Enrollment" e where e."userId" = ${userId} and ${completedSql("e", rule)}`;
    const expected = enrollments.filter((e) => isCompleted(e, rule)).map((e) => e.id);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.sort());
    counted.push(expected.length);
  }
  expect(counted).toEqual([4, 2, 4, 0]);
});

test("over many courses, each enrollment is judged by its own course's re-certification", async () => {
  const { userId } = await createLearner(db);
  const course = (slug: string) =>
    db.course.create({ data: { slug, title: "t", summary: "s", source: "content", estimatedMinutes: 1, passMark: 80, contentHash: "h", version: 3 }, select: { id: true } });
  const [marked, plain] = [await course("lam-moi-nhieu-a"), await course("lam-moi-nhieu-b")];
  const rows = [
    { courseId: marked.id, courseVersion: 2, completedAt: new Date("2026-05-01") },
    { courseId: plain.id, courseVersion: 1, completedAt: new Date("2026-05-01") },
  ];
  for (const row of rows) await db.enrollment.create({ data: { userId, ...row } });
  const courses = [
    { id: marked.id, recertification: requirement },
    { id: plain.id, recertification: null },
  ];
  const found = await db.$queryRaw<{ courseId: string }[]>`select e."courseId" from "Enrollment" e where e."userId" = ${userId} and ${completedInCoursesSql("e", courses)}`;
  const expected = rows.filter((r) => isCompleted(r, courses.find((c) => c.id === r.courseId)!.recertification)).map((r) => r.courseId);
  expect(found.map((r) => r.courseId)).toEqual(expected);
  expect(expected).toEqual([plain.id]);
});
