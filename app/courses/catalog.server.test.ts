import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { catalogStore } from "./catalog.server.ts";

test("the catalog follows re-certification marks and new versions made by any instance", async () => {
  const getCatalog = catalogStore(db, writeContentRoot({ "khoa-mau": tinyCourse() }), { watch: false, recheckMs: 0 });
  const first = await getCatalog();
  const course = first.bySlug.get("khoa-mau")!;
  expect(course.recertification).toBeNull();
  expect(await getCatalog()).toBe(first);

  // Another instance marks the current version: the next check rebuilds with the mark.
  await db.courseVersion.update({ where: { courseId_version: { courseId: course.id, version: course.version } }, data: { requiresRecertification: true } });
  const marked = await getCatalog();
  expect(marked).not.toBe(first);
  expect(marked.bySlug.get("khoa-mau")!.recertification?.version).toBe(course.version);
});

test("between checks the catalog is served from memory, and invalidate() forces the next check", async () => {
  const getCatalog = catalogStore(db, writeContentRoot({ "khoa-nho": tinyCourse() }), { watch: false, recheckMs: 60_000 });
  const first = await getCatalog();
  const course = first.bySlug.get("khoa-nho")!;
  await db.courseVersion.update({ where: { courseId_version: { courseId: course.id, version: course.version } }, data: { requiresRecertification: true } });
  expect(await getCatalog()).toBe(first);
  getCatalog.invalidate();
  expect((await getCatalog()).bySlug.get("khoa-nho")!.recertification).not.toBeNull();
});
