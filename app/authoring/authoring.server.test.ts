import { beforeAll, describe, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { courseFileName } from "#app/courses/content.server.ts";
import { db } from "#app/db.server.ts";
import { saveResponse } from "#app/progress/steps.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { addDraftLesson, createDraftCourse, requireAuthoredCourse, saveDraftFile } from "./drafts.server.ts";
import { publishDraft, restoreVersion } from "./publish.server.ts";
import { reflectionsFor } from "./reflections.server.ts";

const lesson = (text: string) => `---\ntitle: "Bài mở đầu"\nminutes: 5\n---\n\n${text}\n`;

describe("drafts and publishing", () => {
  test("a new course starts as a publishable draft, invisible until published", async () => {
    await createDraftCourse(db, { slug: "nhap-moi", title: "Khóa nháp" });
    const catalog = await buildCatalog(db, writeContentRoot({}));
    expect(catalog.bySlug.has("nhap-moi")).toBe(false);
    const course = await requireAuthoredCourse(db, "nhap-moi");
    const outcome = await publishDraft(db, course, course.files);
    expect(outcome).toEqual({ ok: true, version: 1, changed: true });
    expect((await buildCatalog(db, writeContentRoot({}))).bySlug.get("nhap-moi")?.title).toBe("Khóa nháp");
  });

  test("a published course is compiled once, at publishing: every instance reads it from the database", async () => {
    await createDraftCourse(db, { slug: "bien-dich-mot-lan", title: "Khóa biên dịch một lần" });
    const course = await requireAuthoredCourse(db, "bien-dich-mot-lan");
    await saveDraftFile(db, course.id, "01-bai-mo-dau.mdx", lesson("Nội dung đã xuất bản."));
    await publishDraft(db, course, (await requireAuthoredCourse(db, "bien-dich-mot-lan")).files);
    // Were the catalog compiling the published files, this broken copy would drop the course.
    const where = { courseId_version: { courseId: course.id, version: 1 } };
    await db.courseVersion.update({ where, data: { snapshot: JSON.stringify({ [courseFileName]: "không có frontmatter" }) } });
    const published = (await buildCatalog(db, writeContentRoot({}))).bySlug.get("bien-dich-mot-lan");
    expect(published?.lessons[0]?.compiled.parts).toEqual([{ html: expect.stringContaining("Nội dung đã xuất bản.") }]);
  });

  test("a version stored by an older compiler is compiled from its files once more and stored again", async () => {
    await createDraftCourse(db, { slug: "bien-dich-lai", title: "Khóa biên dịch lại" });
    const course = await requireAuthoredCourse(db, "bien-dich-lai");
    await publishDraft(db, course, course.files);
    const where = { courseId_version: { courseId: course.id, version: 1 } };
    await db.courseVersion.update({ where, data: { compiled: JSON.stringify({ compilerVersion: "0", content: {} }) } });
    expect((await buildCatalog(db, writeContentRoot({}))).bySlug.get("bien-dich-lai")?.title).toBe("Khóa biên dịch lại");
    const stored = JSON.parse((await db.courseVersion.findUniqueOrThrow({ where, select: { compiled: true } })).compiled!);
    expect(stored.compilerVersion).not.toBe("0");
    expect(stored.content.title).toBe("Khóa biên dịch lại");
  });

  test("a slug that is taken is refused", async () => {
    await createDraftCourse(db, { slug: "trung-ma", title: "Khóa một" });
    expect(await createDraftCourse(db, { slug: "trung-ma", title: "Khóa hai" })).toBeNull();
  });

  test("a draft with problems is not published and the published version stays", async () => {
    const { id } = (await createDraftCourse(db, { slug: "co-loi", title: "Khóa có lỗi" }))!;
    let course = await requireAuthoredCourse(db, "co-loi");
    await publishDraft(db, course, course.files);
    await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson("{process.env.DATABASE_URL}"));
    course = await requireAuthoredCourse(db, "co-loi");
    const outcome = await publishDraft(db, course, course.files);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.issues[0]).toMatchObject({ file: "01-bai-mo-dau.mdx", line: 6 });
    expect((await requireAuthoredCourse(db, "co-loi")).version).toBe(1);
  });

  test("each change publishes a new version, and an old version can be restored into the draft", async () => {
    const { id } = (await createDraftCourse(db, { slug: "phien-ban", title: "Khóa nhiều phiên bản" }))!;
    await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson("Phiên bản một."));
    let course = await requireAuthoredCourse(db, "phien-ban");
    await publishDraft(db, course, course.files);
    await saveDraftFile(db, id, "01-bai-mo-dau.mdx", lesson("Phiên bản hai."));
    course = await requireAuthoredCourse(db, "phien-ban");
    expect(await publishDraft(db, course, course.files)).toMatchObject({ ok: true, version: 2 });
    course = await requireAuthoredCourse(db, "phien-ban");
    expect(await publishDraft(db, course, course.files)).toMatchObject({ ok: true, version: 2, changed: false });

    expect(await restoreVersion(db, id, 1)).toBe(true);
    course = await requireAuthoredCourse(db, "phien-ban");
    expect(course.files["01-bai-mo-dau.mdx"]).toContain("Phiên bản một.");
    expect(await publishDraft(db, course, course.files)).toMatchObject({ ok: true, version: 3 });
  });

  test("adding a lesson lists it in course.mdx so the draft stays valid", async () => {
    const { id } = (await createDraftCourse(db, { slug: "them-bai", title: "Khóa thêm bài" }))!;
    const before = await requireAuthoredCourse(db, "them-bai");
    await addDraftLesson(db, id, { name: "02-bai-hai", title: "Bài thứ hai" }, before.files[courseFileName]!);
    const after = await requireAuthoredCourse(db, "them-bai");
    expect(after.files[courseFileName]).toContain("02-bai-hai");
    expect(await publishDraft(db, after, after.files)).toMatchObject({ ok: true, version: 1 });
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
