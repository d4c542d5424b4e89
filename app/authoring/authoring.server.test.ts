import { beforeAll, describe, expect, test } from "vitest";
import { buildCatalog, publishedAppCourses, syncCourse, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { courseFileName } from "#app/courses/content.server.ts";
import { db } from "#app/db.server.ts";
import { saveResponse } from "#app/progress/steps.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import type { ScopedRole } from "#app/auth/permissions.ts";
import { createLearner, createPersonWithRole } from "#tests/unit/people.ts";
import { addDraftLesson, createDraftCourse, requireAuthoredCourse, saveDraftFile } from "./drafts.server.ts";
import { publishDraft, restoreVersion } from "./publish.server.ts";
import { reflectionsFor } from "./reflections.server.ts";

let owner: { id: string; path: string };
let roles: ScopedRole[];
let trainer: string;
beforeAll(async () => {
  owner = await ensureUnit(db, { code: "AU0", name: "Tỉnh Soạn Bài", level: "province", kind: "tinh", parent: null });
  roles = [{ role: "trainer", unitId: owner.id, unitPath: owner.path, unitName: "Tỉnh Soạn Bài" }];
  trainer = await createPersonWithRole(db, "trainer", owner);
});

const lesson = (text: string) => `---\ntitle: "Bài mở đầu"\nminutes: 5\n---\n\n${text}\n`;

/** A new course published once as it was created; `where` finds its version 1. */
async function publishedCourse(slug: string, title: string) {
  await createDraftCourse(db, { slug, title }, owner.id);
  const course = await requireAuthoredCourse(db, slug, roles);
  await publishDraft(db, trainer, course, course.files);
  return { courseId_version: { courseId: course.id, version: 1 } };
}

describe("drafts and publishing", () => {
  test("a new course starts as a publishable draft, invisible until published", async () => {
    await createDraftCourse(db, { slug: "nhap-moi", title: "Khóa nháp" }, owner.id);
    const catalog = await buildCatalog(db, writeContentRoot({}));
    expect(catalog.bySlug.has("nhap-moi")).toBe(false);
    const course = await requireAuthoredCourse(db, "nhap-moi", roles);
    const outcome = await publishDraft(db, trainer, course, course.files);
    expect(outcome).toEqual({ ok: true, version: 1, changed: true });
    expect((await buildCatalog(db, writeContentRoot({}))).bySlug.get("nhap-moi")?.title).toBe("Khóa nháp");
  });

  test("a published course is compiled once, at publishing: every instance reads it from the database", async () => {
    await createDraftCourse(db, { slug: "bien-dich-mot-lan", title: "Khóa biên dịch một lần" }, owner.id);
    const course = await requireAuthoredCourse(db, "bien-dich-mot-lan", roles);
    await saveDraftFile(db, course.id, "01-bai-mo-dau.mdx", lesson("Nội dung đã xuất bản."));
    await publishDraft(db, trainer, course, (await requireAuthoredCourse(db, "bien-dich-mot-lan", roles)).files);
    // Were the catalog compiling the published files, this broken copy would drop the course.
    const where = { courseId_version: { courseId: course.id, version: 1 } };
    await db.courseVersion.update({ where, data: { snapshot: JSON.stringify({ [courseFileName]: "không có frontmatter" }) } });
    const published = (await buildCatalog(db, writeContentRoot({}))).bySlug.get("bien-dich-mot-lan");
    expect(published?.lessons[0]?.compiled.parts).toEqual([{ html: expect.stringContaining("Nội dung đã xuất bản.") }]);
  });

  test("a version stored by an older compiler is compiled from its files once more and stored again", async () => {
    const where = await publishedCourse("bien-dich-lai", "Khóa biên dịch lại");
    await db.courseVersion.update({ where, data: { compiled: JSON.stringify({ compilerVersion: "0", content: {} }) } });
    expect((await buildCatalog(db, writeContentRoot({}))).bySlug.get("bien-dich-lai")?.title).toBe("Khóa biên dịch lại");
    const stored = JSON.parse((await db.courseVersion.findUniqueOrThrow({ where, select: { compiled: true } })).compiled!);
    expect(stored.compilerVersion).not.toBe("0");
    expect(stored.content.title).toBe("Khóa biên dịch lại");
  });

  test("the catalog serves a course's latest published version", async () => {
    const { id } = (await createDraftCourse(db, { slug: "ban-moi-nhat", title: "Khóa bản mới nhất" }, owner.id))!;
    for (const text of ["Bản thứ nhất.", "Bản thứ hai."]) {
      await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson(text));
      const course = await requireAuthoredCourse(db, "ban-moi-nhat", roles);
      await publishDraft(db, trainer, course, course.files);
    }
    const published = (await buildCatalog(db, writeContentRoot({}))).bySlug.get("ban-moi-nhat");
    expect(published).toMatchObject({ source: "app", ownerUnitId: owner.id, version: 2 });
    expect(published?.lessons[0]?.compiled.parts).toEqual([{ html: expect.stringContaining("Bản thứ hai.") }]);
  });

  test("an instance mirroring a version it read before a publish committed leaves the newer version be", async () => {
    const slug = "xuat-ban-giua-chung";
    const { id } = (await createDraftCourse(db, { slug, title: "Khóa xuất bản giữa chừng" }, owner.id))!;
    const publish = async (text: string) => {
      await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson(text));
      const course = await requireAuthoredCourse(db, slug, roles);
      await publishDraft(db, trainer, course, course.files);
    };
    await publish("Bản thứ nhất.");
    // An instance building its catalog has read version 1; a trainer publishes version 2 before it mirrors what it read.
    const read = (await publishedAppCourses(db)).find((c) => c.slug === slug)!;
    await publish("Bản thứ hai.");
    await expect(syncCourse(db, read, { source: "app" })).rejects.toThrow();
    expect(await db.course.findUniqueOrThrow({ where: { id }, select: { version: true } })).toEqual({ version: 2 });
    const published = (await buildCatalog(db, writeContentRoot({}))).bySlug.get(slug);
    expect(published?.version).toBe(2);
    expect(published?.lessons[0]?.compiled.parts).toEqual([{ html: expect.stringContaining("Bản thứ hai.") }]);
  });

  test("a version published before compiles were stored is compiled from its files once and stored", async () => {
    const where = await publishedCourse("chua-luu-ban-dich", "Khóa chưa lưu bản dịch");
    await db.courseVersion.update({ where, data: { compiled: null } });
    expect((await buildCatalog(db, writeContentRoot({}))).bySlug.get("chua-luu-ban-dich")?.title).toBe("Khóa chưa lưu bản dịch");
    const stored = JSON.parse((await db.courseVersion.findUniqueOrThrow({ where, select: { compiled: true } })).compiled!);
    expect(stored.content.title).toBe("Khóa chưa lưu bản dịch");
  });

  test("a published course whose files no longer pass a newer compiler's rules is left out; the catalog stands", async () => {
    const where = await publishedCourse("het-hop-le", "Khóa hết hợp lệ");
    await db.courseVersion.update({ where, data: { compiled: JSON.stringify({ compilerVersion: "0", content: {} }), snapshot: JSON.stringify({ [courseFileName]: "không có frontmatter" }) } });
    const catalog = await buildCatalog(db, writeContentRoot({ "khoa-san-co": tinyCourse() }));
    expect(catalog.bySlug.has("het-hop-le")).toBe(false);
    expect(catalog.bySlug.get("khoa-san-co")?.source).toBe("content");
  });

  test("a slug that is taken is refused", async () => {
    await createDraftCourse(db, { slug: "trung-ma", title: "Khóa một" }, owner.id);
    expect(await createDraftCourse(db, { slug: "trung-ma", title: "Khóa hai" }, owner.id)).toBeNull();
  });

  test("a draft with problems is not published and the published version stays", async () => {
    const { id } = (await createDraftCourse(db, { slug: "co-loi", title: "Khóa có lỗi" }, owner.id))!;
    let course = await requireAuthoredCourse(db, "co-loi", roles);
    await publishDraft(db, trainer, course, course.files);
    await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson("{process.env.DATABASE_URL}"));
    course = await requireAuthoredCourse(db, "co-loi", roles);
    const outcome = await publishDraft(db, trainer, course, course.files);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.issues[0]).toMatchObject({ file: "01-bai-mo-dau.mdx", line: 6 });
    expect((await requireAuthoredCourse(db, "co-loi", roles)).version).toBe(1);
  });

  test("each change publishes a new version, and an old version can be restored into the draft", async () => {
    const { id } = (await createDraftCourse(db, { slug: "phien-ban", title: "Khóa nhiều phiên bản" }, owner.id))!;
    await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson("Phiên bản một."));
    let course = await requireAuthoredCourse(db, "phien-ban", roles);
    await publishDraft(db, trainer, course, course.files);
    await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson("Phiên bản hai."));
    course = await requireAuthoredCourse(db, "phien-ban", roles);
    expect(await publishDraft(db, trainer, course, course.files)).toMatchObject({ ok: true, version: 2 });
    course = await requireAuthoredCourse(db, "phien-ban", roles);
    expect(await publishDraft(db, trainer, course, course.files)).toMatchObject({ ok: true, version: 2, changed: false });

    expect(await restoreVersion(db, trainer, course, 1)).toBe(true);
    course = await requireAuthoredCourse(db, "phien-ban", roles);
    expect(course.files["01-bai-mo-dau.mdx"]).toContain("Phiên bản một.");
    expect(await publishDraft(db, trainer, course, course.files)).toMatchObject({ ok: true, version: 3 });

    // Every new version and every restore is audited under the course's unit; publishing nothing new is not.
    const events = await db.auditEvent.findMany({ where: { entityId: id }, select: { action: true, actorId: true, unitPath: true, after: true } });
    expect(events.map((e) => `${e.action} ${e.after}`).sort()).toEqual([
      'course.publish {"version":1}',
      'course.publish {"version":2}',
      'course.publish {"version":3}',
      'course.restore {"restoredVersion":1}',
    ]);
    expect(events.every((e) => e.actorId === trainer && e.unitPath === owner.path)).toBe(true);
  });

  test("adding a lesson lists it in course.mdx so the draft stays valid", async () => {
    const { id } = (await createDraftCourse(db, { slug: "them-bai", title: "Khóa thêm bài" }, owner.id))!;
    const before = await requireAuthoredCourse(db, "them-bai", roles);
    await addDraftLesson(db, id, { name: "02-bai-hai", title: "Bài thứ hai" }, before.files[courseFileName]!);
    const after = await requireAuthoredCourse(db, "them-bai", roles);
    expect(after.files[courseFileName]).toContain("02-bai-hai");
    expect(await publishDraft(db, trainer, after, after.files)).toMatchObject({ ok: true, version: 1 });
  });
});

describe("reflections for trainers", () => {
  let course: CatalogCourse;
  beforeAll(async () => {
    course = (await buildCatalog(db, writeContentRoot({ "suy-ngam": tinyCourse() }))).bySlug.get("suy-ngam")!;
  });

  test("a trainer sees the answers of learners in her units only", async () => {
    const inside = await createLearner(db, "Trần Thị Trong");
    const outside = await createLearner(db, "Lê Thị Ngoài");
    await saveResponse(db, inside.userId, course, "reflection", "suy-ngam", "Em sẽ đến từng nhà.");
    await saveResponse(db, outside.userId, course, "reflection", "suy-ngam", "Ở xã khác.");
    const rows = await reflectionsFor(db, course.id, [inside.unit.path]);
    expect(rows.map((r) => r.value)).toEqual(["Em sẽ đến từng nhà."]);
    expect(rows[0]?.enrollment.user.name).toBe("Trần Thị Trong");
  });
});
