import { beforeAll, describe, expect, test } from "vitest";
import type { ScopedRole } from "#app/auth/permissions.ts";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { courseProgress } from "#app/progress/progress.server.ts";
import { markLessonDone, recordScenarioRun, submitQuiz } from "#app/progress/steps.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { changeableClass, deleteClass, editPage, mayChangeClass, recordedClasses, updateClass } from "./class-changes.server.ts";
import { classRoster, parseClass, recordClass, rosterLimit } from "./classes.server.ts";

let completes: CatalogCourse;
let province: TreeUnit;
let district: TreeUnit;
let commune: TreeUnit;
let neighbour: TreeUnit;
let trainer: { id: string; roles: ScopedRole[] };
const trainerOf = (unit: TreeUnit): ScopedRole => ({ role: "trainer", unitId: unit.id, unitPath: unit.path, unitName: "" });
let phone = 0;
const cadre = async (unit: TreeUnit, name = "Lê Thị Sửa Lớp") =>
  (await upsertPerson(db, { name, phone: `0988${String(++phone).padStart(6, "0")}`, gender: "female", unitId: unit.id }, null)).id;

beforeAll(async () => {
  const files = tinyCourse();
  const root = writeContentRoot({ "lop-sua-xoa": { ...files, "course.mdx": files["course.mdx"]!.replace("passMark: 100", "passMark: 100\nattendance: completes") } });
  completes = (await buildCatalog(db, root)).bySlug.get("lop-sua-xoa")!;
  province = await ensureUnit(db, { code: "SX0", name: "Tỉnh Sửa Lớp", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "SX1", name: "Huyện Sửa Lớp", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "SX11", name: "Xã Sửa Lớp", level: "commune", kind: "xa", parent: district });
  neighbour = await ensureUnit(db, { code: "SX21", name: "Xã Khác", level: "commune", kind: "xa", parent: await ensureUnit(db, { code: "SX2", name: "Huyện Khác", level: "district", kind: "huyen", parent: province }) });
  trainer = { id: await cadre(district, "Giảng Viên Sửa"), roles: [trainerOf(district)] };
});

const record = (attendeeIds: string[], heldOn = vietnamDay(2025, 3, 15)!, unit: TreeUnit = commune, by = trainer.id) =>
  db.$transaction((tx) => recordClass(tx, by, unit, { course: completes, heldOn, place: "Hội trường xã", attendeeIds }));
const session = async (id: string) => (await changeableClass(db, trainer, id))!;
const completedAt = async (userId: string) => (await db.enrollment.findUnique({ where: { userId_courseId: { userId, courseId: completes.id } }, select: { completedAt: true } }))?.completedAt ?? null;
/** The commune's tally of completions of the course (ADR 017), as the triggers keep it. */
const tally = async () => (await db.subtreeCompletion.findMany({ where: { unitId: commune.id, courseId: completes.id }, select: { completed: true } })).reduce((sum, row) => sum + row.completed, 0);
async function completeOnline(userId: string) {
  for (const lesson of completes.lessons) await markLessonDone(db, userId, completes, lesson.id);
  await submitQuiz(db, userId, completes, { q1: ["a"], q2: ["a", "c"] });
  await recordScenarioRun(db, userId, completes, "tham-nha", ["cong", "lang-nghe"]);
}

describe("who may change a class", () => {
  test("the trainer who recorded it and anyone who records classes for its unit or above; nobody else, and an unknown id is the same answer", async () => {
    const { id } = await record([await cadre(commune)]);
    const provinceTrainer = { id: "tinh", roles: [trainerOf(province)] };
    const neighbourTrainer = { id: "ben-canh", roles: [trainerOf(neighbour)] };
    const organizer = { id: "to-chuc", roles: [{ ...trainerOf(district), role: "organizer" as const }] };
    expect(await changeableClass(db, trainer, id)).toMatchObject({ id });
    expect(await changeableClass(db, provinceTrainer, id)).toMatchObject({ id });
    expect(await changeableClass(db, neighbourTrainer, id)).toBeNull();
    expect(await changeableClass(db, organizer, id)).toBeNull();
    expect(await changeableClass(db, trainer, "khong-co-lop")).toBeNull();
    // Her own class, recorded before her scope moved to another district: still hers to correct.
    expect(mayChangeClass({ id: trainer.id, roles: [trainerOf(neighbour)] }, { recordedById: trainer.id, unit: commune })).toBe(true);
    expect(mayChangeClass({ id: trainer.id, roles: [] }, { recordedById: trainer.id, unit: commune })).toBe(false);
  });

  test("her own class in a unit her scope has left: she sees and keeps its attendees, not the unit's roster of today", async () => {
    const [came, stranger] = [await cadre(commune, "Đã Dự Lớp"), await cadre(commune, "Chưa Từng Dự")];
    const { id } = await record([came]);
    const moved = { id: trainer.id, roles: [trainerOf(neighbour)] };
    const own = (await changeableClass(db, moved, id))!;
    expect((await editPage(db, own, completes)).roster.map((p) => p.id)).toEqual([came]);
    const form = (attendees: string[]) => {
      const data = new FormData();
      data.set("heldOn", "15/03/2025");
      data.set("place", "Hội trường xã");
      for (const a of attendees) data.append("attendees", a);
      return data;
    };
    const edited = { course: completes, attendeeIds: [came], inScope: own.inScope };
    expect(await parseClass(db, own.unit, [], form([came, stranger]), new Date(), moved.id, edited)).toMatchObject({ ok: false, errors: { attendees: "classes.error.attendees" } });
    expect(await parseClass(db, own.unit, [], form([came]), new Date(), moved.id, edited)).toMatchObject({ ok: true });
    expect((await editPage(db, await session(id), completes)).roster.map((p) => p.id)).toContain(stranger);
  });

  test("a class's attendees stay on its roster when the unit has more cadres than the roster shows; the cut says how many it shows, them included", async () => {
    const big = await ensureUnit(db, { code: "SX12", name: "Xã Đông Người", level: "commune", kind: "xa", parent: district });
    const attendee = await cadre(big, "Ý Thị Cuối Tên");
    await db.user.createMany({ data: Array.from({ length: rosterLimit }, (_, i) => ({ name: `An Thị ${i}`, gender: "female", unitId: big.id })) });
    // Her past the first 500 makes 501 of 501 shown: nobody is missing, so the roster is not cut.
    const all = await classRoster(db, big, new Date(), [attendee]);
    expect(all.people.map((p) => p.id)).toContain(attendee);
    expect(all.people.length).toBe(rosterLimit + 1);
    expect(all.cut).toBeNull();
    const [other, left] = [await cadre(big, "Ý Thị Chưa Dự"), await cadre(big, "Ý Thị Đã Nghỉ")];
    await db.user.update({ where: { id: left }, data: { deactivatedAt: new Date() } });
    // One more cadre past them, not listed: 501 of 502 shown. One who left is listed but is not one of the unit's cadres.
    const { people, cut } = await classRoster(db, big, new Date(), [attendee, left]);
    expect(people.map((p) => p.id)).not.toContain(other);
    expect(people.length).toBe(rosterLimit + 2);
    expect(cut).toEqual({ shown: rosterLimit + 1, total: rosterLimit + 2, kept: 1, unitsBelow: false });
    expect((await classRoster(db, big, new Date())).cut).toEqual({ shown: rosterLimit, total: rosterLimit + 2, kept: 0, unitsBelow: false });
    const { id } = await record([attendee], vietnamDay(2025, 3, 15)!, big);
    expect(await editPage(db, await session(id), completes)).toMatchObject({ rosterCut: { shown: rosterLimit + 1, total: rosterLimit + 2, kept: 1, unitsBelow: false } });
    expect((await editPage(db, await session((await record([await cadre(commune)])).id), completes)).rosterCut).toBeNull();
  });

  test("a roster that holds every cadre of the unit, the bound's number exactly, is not cut", async () => {
    const full = await ensureUnit(db, { code: "SX13", name: "Xã Vừa Đủ", level: "commune", kind: "xa", parent: district });
    await db.user.createMany({ data: Array.from({ length: rosterLimit }, (_, i) => ({ name: `Bùi Thị ${i}`, gender: "female", unitId: full.id })) });
    expect((await classRoster(db, full, new Date())).cut).toBeNull();
    // Deactivated cadres are not on the roster, nor in its count.
    await db.user.create({ data: { name: "Cao Thị Nghỉ", gender: "female", unitId: full.id, deactivatedAt: new Date() } });
    expect((await classRoster(db, full, new Date())).cut).toBeNull();
    await cadre(full, "Cao Thị Mới");
    expect((await classRoster(db, full, new Date())).cut).toEqual({ shown: rosterLimit, total: rosterLimit + 1, kept: 0, unitsBelow: false });
    // The others are reached through a unit below only where there is one, whichever page asks.
    await ensureUnit(db, { code: "SX131", name: "Chi hội Vừa Đủ", level: "branch", kind: "ap", parent: full });
    expect((await classRoster(db, full, new Date())).cut).toMatchObject({ unitsBelow: true });
  });

  test("her list holds the classes of her scope and those she recorded, newest first", async () => {
    const other = await cadre(neighbour, "Giảng Viên Bên");
    const older = await record([await cadre(commune)], vietnamDay(2024, 1, 2)!);
    const newer = await record([await cadre(commune)], vietnamDay(2025, 6, 2)!);
    const elsewhere = await record([await cadre(neighbour)], vietnamDay(2025, 6, 3)!, neighbour, other);
    const ids = (await recordedClasses(db, trainer)).map((c) => c.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids).not.toContain(elsewhere.id);
    expect((await recordedClasses(db, { id: other, roles: [trainerOf(neighbour)] })).map((c) => c.id)).toContain(elsewhere.id);
  });
});

describe("editing and deleting a class that completes the course", () => {
  test("a day or place changed is audited with before and after; someone taken off loses the completion it alone gave her", async () => {
    const [stays, leaves, joins] = [await cadre(commune, "Ở Lại"), await cadre(commune, "Bỏ Ra"), await cadre(commune, "Thêm Vào")];
    const { id } = await record([stays, leaves]);
    const before = await tally();
    const staysCode = (await db.certificate.findFirstOrThrow({ where: { userId: stays, classSessionId: id }, select: { code: true } })).code;
    const edited = await session(id);
    await db.$transaction((tx) => updateClass(tx, trainer.id, edited, { course: completes, heldOn: vietnamDay(2025, 3, 15)!, place: "Nhà văn hóa", attendeeIds: [stays, joins] }));
    expect(await completedAt(leaves)).toBeNull();
    expect(await db.certificate.count({ where: { userId: leaves } })).toBe(0);
    expect(await completedAt(joins)).not.toBeNull();
    // Same day: those who stay keep the certificate they printed.
    expect(await db.certificate.findMany({ where: { userId: stays }, select: { code: true } })).toEqual([{ code: staysCode }]);
    expect(await tally()).toBe(before);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "class.update" }, select: { actorId: true, before: true, after: true } });
    expect(audit.actorId).toBe(trainer.id);
    expect(JSON.parse(audit.before!)).toMatchObject({ heldOn: "2025-03-15", place: "Hội trường xã", attendees: [stays, leaves] });
    expect(JSON.parse(audit.after!)).toMatchObject({ place: "Nhà văn hóa", attendees: [stays, joins], withdrawnCertificates: [expect.any(String)] });
  });

  test("deleting it withdraws what it alone granted: her own steps or another class still complete the course", async () => {
    const [onlyThis, online, twice] = [await cadre(commune, "Chỉ Lớp Này"), await cadre(commune, "Học Trên Mạng"), await cadre(commune, "Dự Hai Lớp")];
    await completeOnline(online);
    const earlier = await record([twice], vietnamDay(2025, 1, 10)!);
    const { id } = await record([onlyThis, online, twice], vietnamDay(2025, 2, 10)!);
    const before = await tally();
    const deleted = await session(id);
    expect(await db.$transaction((tx) => deleteClass(tx, trainer.id, deleted, completes))).toBe(true);
    expect(await db.classSession.count({ where: { id } })).toBe(0);
    // The same page sent again, or a correction of it, finds nothing to change (the route answers 404).
    const audits = await db.auditEvent.count();
    expect(await db.$transaction((tx) => deleteClass(tx, trainer.id, deleted, completes))).toBe(false);
    expect(await db.$transaction((tx) => updateClass(tx, trainer.id, deleted, { course: completes, heldOn: deleted.heldOn, place: "Lại", attendeeIds: [onlyThis] }))).toBe(false);
    expect(await db.auditEvent.count()).toBe(audits);
    expect(await completedAt(onlyThis)).toBeNull();
    expect(await courseProgress(db, onlyThis, completes)).toMatchObject({ completed: false });
    expect(await completedAt(online)).not.toBeNull();
    expect(await db.certificate.findMany({ where: { userId: online }, select: { classSessionId: true } })).toEqual([{ classSessionId: null }]);
    expect(await completedAt(twice)).not.toBeNull();
    expect(await db.certificate.findMany({ where: { userId: twice }, select: { classSessionId: true } })).toEqual([{ classSessionId: earlier.id }]);
    // One fewer completion in the commune's tally: only hers.
    expect(await tally()).toBe(before - 1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "class.delete" }, select: { before: true, after: true } });
    expect(JSON.parse(audit.before!)).toMatchObject({ heldOn: "2025-02-10", attendees: [onlyThis, online, twice] });
    expect(JSON.parse(audit.after!)).toEqual({ withdrawnCertificates: [expect.any(String)] });
  });
});
