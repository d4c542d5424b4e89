import { beforeAll, describe, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { once } from "#app/http/once.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { cadreRecord } from "#app/people/cadre-record.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { courseProgress } from "#app/progress/progress.server.ts";
import { markLessonDone, recordScenarioRun, submitQuiz } from "#app/progress/steps.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { classesByChild, classesWithin, parseClass, recordClass, recordPage } from "./classes.server.ts";

// A course whose rule lets attending complete it, and the same course with the default rule.
const inPersonCourse = () => {
  const files = tinyCourse();
  return { ...files, "course.mdx": files["course.mdx"]!.replace("passMark: 100", "passMark: 100\nattendance: completes") };
};
let contentRoot: string;
let completes: CatalogCourse;
let records: CatalogCourse;
let courses: CatalogCourse[];
let district: TreeUnit;
let commune: TreeUnit & { validFrom: Date | null; validTo: Date | null };
let branch: TreeUnit;
let neighbour: TreeUnit;
let trainerId: string;
const now = new Date("2026-12-04T03:00:00Z");
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};
let phone = 0;
const cadre = async (unit: TreeUnit, name = "Trần Thị Dự Lớp") =>
  (await upsertPerson(db, { name, phone: `0977${String(++phone).padStart(6, "0")}`, gender: "female", unitId: unit.id }, null)).id;

beforeAll(async () => {
  contentRoot = writeContentRoot({ "hoc-truc-tiep": inPersonCourse(), "khoa-thu": tinyCourse() });
  const catalog = await buildCatalog(db, contentRoot);
  courses = catalog.courses;
  completes = catalog.bySlug.get("hoc-truc-tiep")!;
  records = catalog.bySlug.get("khoa-thu")!;
  district = await ensureUnit(db, { code: "LH0", name: "Huyện Lớp Học", level: "district", kind: "huyen", parent: null });
  const opened = vietnamDay(2019, 1, 1)!;
  const closed = vietnamDay(2025, 7, 1)!;
  commune = { ...(await ensureUnit(db, { code: "LH1", name: "Xã Lớp Học", level: "commune", kind: "xa", parent: district, validFrom: opened, validTo: closed })), validFrom: opened, validTo: closed };
  branch = await ensureUnit(db, { code: "LH1A", name: "Chi hội ấp Một", level: "branch", kind: "ap", parent: commune });
  neighbour = await ensureUnit(db, { code: "LH2", name: "Xã Bên Cạnh", level: "commune", kind: "xa", parent: district });
  trainerId = await cadre(district, "Giảng Viên Lớp");
});

describe("reading a posted class", () => {
  test("takes a course, a day written dd/mm/yyyy, a place and people of the unit and its branches", async () => {
    const [inCommune, inBranch] = [await cadre(commune), await cadre(branch)];
    const parsed = await parseClass(db, commune, courses, form({ courseId: completes.id, heldOn: "15/03/2025", place: "Hội trường xã", attendees: [inCommune, inBranch] }), now, trainerId);
    expect(parsed).toMatchObject({ ok: true, input: { course: { id: completes.id }, heldOn: vietnamDay(2025, 3, 15), place: "Hội trường xã" } });
    expect(parsed.ok && parsed.input.attendeeIds.sort()).toEqual([inCommune, inBranch].sort());
  });

  test("refuses someone from another unit's roster, and a class with nobody", async () => {
    const outsider = await cadre(neighbour);
    const base = { courseId: completes.id, heldOn: "15/03/2025", place: "Hội trường xã" };
    expect(await parseClass(db, commune, courses, form({ ...base, attendees: [outsider] }), now, trainerId)).toEqual({ ok: false, errors: { attendees: "classes.error.attendees" } });
    expect(await parseClass(db, commune, courses, form(base), now, trainerId)).toEqual({ ok: false, errors: { attendees: "classes.error.attendees" } });
  });

  test("refuses the person recording the class among its attendees: nobody certifies her own attendance", async () => {
    const recorder = await cadre(commune, "Giảng Viên Xã");
    const attendee = await cadre(commune);
    const posted = form({ courseId: completes.id, heldOn: "15/03/2025", place: "Hội trường xã", attendees: [attendee, recorder] });
    expect(await parseClass(db, commune, courses, posted, now, recorder)).toEqual({ ok: false, errors: { attendees: "classes.error.self" } });
    expect(await parseClass(db, commune, courses, posted, now, trainerId)).toMatchObject({ ok: true });
  });

  test("refuses a day not written as one, a day to come, and a day the unit did not exist", async () => {
    const person = await cadre(commune);
    const at = (heldOn: string) => parseClass(db, commune, courses, form({ courseId: completes.id, heldOn, place: "Hội trường xã", attendees: person }), now, trainerId);
    expect(await at("31/02/2025")).toMatchObject({ ok: false, errors: { heldOn: "classes.error.date" } });
    expect(await at("05/12/2026")).toMatchObject({ ok: false, errors: { heldOn: "classes.error.future" } });
    expect(await at("01/07/2025")).toMatchObject({ ok: false, errors: { heldOn: "classes.error.closed" } });
    expect(await at("31/12/2018")).toMatchObject({ ok: false, errors: { heldOn: "classes.error.closed" } });
    expect(await at("30/06/2025")).toMatchObject({ ok: true });
  });

  test("refuses an unknown course and a missing place", async () => {
    const person = await cadre(commune);
    expect(await parseClass(db, commune, courses, form({ courseId: "khong-co", heldOn: "15/03/2025", place: " ", attendees: person }), now, trainerId)).toEqual({
      ok: false,
      errors: { courseId: "classes.error.course", place: "classes.error.place" },
    });
  });
});

async function recorded(course: CatalogCourse, attendeeIds: string[], heldOn = vietnamDay(2025, 3, 15)!, unit: TreeUnit = commune) {
  return db.$transaction((tx) => recordClass(tx, trainerId, unit, { course, heldOn, place: "Hội trường xã", attendeeIds }));
}

describe("attendance and completion", () => {
  test("where the course's rule says so, attending completes it, with a certificate marked as earned in that class", async () => {
    const person = await cadre(branch);
    const outcome = await recorded(completes, [person]);
    expect(outcome).toMatchObject({ attendees: 1, completed: 1 });
    expect(await courseProgress(db, person, completes)).toMatchObject({ completed: true, doneLessonIds: [] });
    expect(await db.certificate.findMany({ where: { userId: person }, select: { classSessionId: true } })).toEqual([{ classSessionId: outcome.id }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entity: "ClassSession", entityId: outcome.id }, select: { action: true, actorId: true, unitPath: true, after: true } });
    expect(audit).toMatchObject({ action: "class.record", actorId: trainerId, unitPath: commune.path });
    expect(JSON.parse(audit.after!)).toEqual({ course: "hoc-truc-tiep", heldOn: "2025-03-15", place: "Hội trường xã", attendees: [person] });
  });

  test("by default attendance is recorded and nothing else: no enrollment, and completion still takes the lessons", async () => {
    const person = await cadre(commune);
    expect(await recorded(records, [person])).toMatchObject({ attendees: 1, completed: 0 });
    expect(await db.enrollment.count({ where: { userId: person } })).toBe(0);
    expect(await db.classAttendance.count({ where: { userId: person } })).toBe(1);
  });

  test("a cadre who completed the course online keeps her certificate: a class adds none", async () => {
    const person = await cadre(commune);
    for (const lesson of completes.lessons) await markLessonDone(db, person, completes, lesson.id);
    await submitQuiz(db, person, completes, { q1: ["a"], q2: ["a", "c"] });
    await recordScenarioRun(db, person, completes, "tham-nha", ["cong", "lang-nghe"]);
    expect(await db.certificate.count({ where: { userId: person } })).toBe(1);
    await recorded(completes, [person]);
    expect(await db.certificate.findMany({ where: { userId: person }, select: { classSessionId: true } })).toEqual([{ classSessionId: null }]);
  });

  test("a round of re-certification counts only classes held since the version requiring it", async () => {
    const person = await cadre(commune);
    await recorded(completes, [person], vietnamDay(2024, 5, 1)!);
    const version = completes.version + 1;
    await db.course.update({ where: { id: completes.id }, data: { version } });
    await db.courseVersion.create({ data: { courseId: completes.id, version, contentHash: "x", requiresRecertification: true, publishedAt: vietnamDay(2025, 1, 1)! } });
    const newer = (await buildCatalog(db, contentRoot)).bySlug.get("hoc-truc-tiep")!;
    // A lesson step settles again: the old class does not count for the new round.
    await markLessonDone(db, person, newer, newer.lessons[0]!.id);
    expect(await courseProgress(db, person, newer)).toMatchObject({ needsRefresh: true });
    expect(await recorded(newer, [person], vietnamDay(2025, 3, 15)!)).toMatchObject({ completed: 1 });
    expect(await courseProgress(db, person, newer)).toMatchObject({ needsRefresh: false, completed: true });
    expect(await db.certificate.count({ where: { userId: person, courseId: completes.id } })).toBe(2);
    await db.courseVersion.update({ where: { courseId_version: { courseId: completes.id, version } }, data: { requiresRecertification: false } });
    completes = (await buildCatalog(db, contentRoot)).bySlug.get("hoc-truc-tiep")!;
  });

  test("a form sent again with its idempotency key records the class once", async () => {
    const person = await cadre(commune);
    const key = "lop-hoc-0000000000000001";
    const send = () => once(db, trainerId, key, "class.record", async (tx) => ({ status: 200, body: { id: (await recordClass(tx, trainerId, commune, { course: completes, heldOn: vietnamDay(2025, 4, 2)!, place: "Nhà văn hóa ấp", attendeeIds: [person] })).id } }));
    const [first, again] = [await send(), await send()];
    expect(again).toEqual(first);
    expect(await db.classAttendance.count({ where: { userId: person } })).toBe(1);
    expect(await db.certificate.count({ where: { userId: person } })).toBe(1);
  });
});

describe("what organizers and the cadre's record read", () => {
  test("classes and distinct attendees per unit below, and the list of the subtree", async () => {
    const unit = await ensureUnit(db, { code: "LH9", name: "Huyện Đếm", level: "district", kind: "huyen", parent: null });
    const [x, y] = [
      await ensureUnit(db, { code: "LH9X", name: "Xã X", level: "commune", kind: "xa", parent: unit }),
      await ensureUnit(db, { code: "LH9Y", name: "Xã Y", level: "commune", kind: "xa", parent: unit }),
    ];
    const xBranch = await ensureUnit(db, { code: "LH9XA", name: "Ấp X1", level: "branch", kind: "ap", parent: x });
    const [a, b] = [await cadre(x), await cadre(xBranch)];
    await recorded(records, [a, b], vietnamDay(2025, 2, 1)!, x);
    await recorded(records, [b], vietnamDay(2025, 3, 1)!, xBranch);
    const counts = await classesByChild(db, unit);
    expect(counts.get(x.id)).toEqual({ classes: 2, attendees: 2 });
    expect(counts.get(y.id)).toBeUndefined();
    const within = await classesWithin(db, unit);
    expect(within).toMatchObject({ total: 2, attendees: 2 });
    expect(within.list.map((c) => [c.unit.name, c._count.attendance])).toEqual([["Ấp X1", 1], ["Xã X", 2]]);
    expect(await classesWithin(db, y)).toMatchObject({ total: 0, attendees: 0, list: [] });
  });

  test("the cadre's record lists the classes she attended, with the certificate a class earned", async () => {
    const person = await cadre(commune);
    const earned = await recorded(completes, [person], vietnamDay(2025, 5, 20)!);
    await recorded(records, [person], vietnamDay(2025, 6, 1)!);
    const viewer = [{ role: "organizer" as const, unitId: district.id, unitPath: district.path, unitName: "" }];
    const record = await cadreRecord(db, viewer, person, { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) }, now);
    const code = (await db.certificate.findFirstOrThrow({ where: { classSessionId: earned.id }, select: { code: true } })).code;
    expect(record.classes.map((c) => [c.course.title, c.certificate])).toEqual([[records.title, null], [completes.title, code]]);
    expect(record.certificates).toEqual([expect.objectContaining({ code, inPerson: true })]);
  });

  test("the record page offers the roster only where classes are held, and the way up only within the trainer's scope", async () => {
    const trainer = [{ role: "trainer" as const, unitId: commune.id, unitPath: commune.path, unitName: "" }];
    const unit = await db.orgUnit.findUniqueOrThrow({ where: { id: commune.id }, select: { id: true, name: true, level: true, path: true, parentId: true, validFrom: true, validTo: true } });
    const page = await recordPage(db, trainer, unit, courses, now, null);
    expect(page.parent).toBeNull();
    expect(page.unit.holdsClasses).toBe(true);
    expect(page.roster.length).toBeGreaterThan(0);
    expect(page.courses.find((c) => c.id === completes.id)?.completes).toBe(true);
    const above = await db.orgUnit.findUniqueOrThrow({ where: { id: district.id }, select: { id: true, name: true, level: true, path: true, parentId: true, validFrom: true, validTo: true } });
    const districtPage = await recordPage(db, trainer, above, courses, now, null);
    expect(districtPage).toMatchObject({ unit: { holdsClasses: false }, roster: [], courses: [] });
  });
});
