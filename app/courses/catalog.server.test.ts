import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { buildCatalog, catalogStore } from "./catalog.server.ts";

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

test("instances starting together agree on one version of a new course, and of a changed one", async () => {
  const versions = async (files: ReturnType<typeof tinyCourse>) => {
    const root = writeContentRoot({ "khoa-chung": files });
    const catalogs = await Promise.all(Array.from({ length: 4 }, () => buildCatalog(db, root)));
    return catalogs.map((c) => c.bySlug.get("khoa-chung")!.version);
  };
  expect(await versions(tinyCourse())).toEqual([1, 1, 1, 1]);
  expect(await versions(tinyCourse("Thêm một câu."))).toEqual([2, 2, 2, 2]);
  const course = await db.course.findUniqueOrThrow({ where: { slug: "khoa-chung" }, select: { versions: { select: { version: true } } } });
  expect(course.versions.map((v) => v.version).sort()).toEqual([1, 2]);
});
