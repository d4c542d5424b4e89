import { beforeAll, describe, expect, test } from "vitest";
import type { ScopedRole } from "#app/auth/permissions.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { completedEnrollmentWhere, isCompleted } from "#app/progress/refresh.server.ts";
import {
  assignRequirement,
  isOverdue,
  overduePeople,
  removeRequirement,
  requiredOf,
  requirementBadge,
  requirementForm,
  requirementsAround,
  requirementStanding,
} from "./requirements.server.ts";
import { isoDay } from "#app/org/days.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00+07:00`);
const now = new Date("2026-03-10T03:00:00Z");

describe("due dates", () => {
  test("pass when the due day has ended in Vietnam", () => {
    expect(isOverdue(day("2026-09-30"), new Date("2026-09-30T16:59:59Z"))).toBe(false);
    expect(isOverdue(day("2026-09-30"), new Date("2026-09-30T17:00:00Z"))).toBe(true);
  });

  test("the form refuses an unknown position, a day that does not exist and a day already past, with Vietnamese messages", () => {
    const form = requirementForm(now);
    expect(form.parse({ course: "khoa", position: "", dueOn: "10/03/2026" })).toEqual({ course: "khoa", position: null, dueOn: day("2026-03-10") });
    expect(form.parse({ course: "khoa", position: "chi_hoi_truong", dueOn: "2026-04-01" }).position).toBe("chi_hoi_truong");
    const issues = (input: Record<string, string>) => form.safeParse(input).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(issues({ course: "", position: "thu_ky", dueOn: "31/02/2026" })).toEqual(["course:required.courseInvalid", "position:required.positionInvalid", "dueOn:required.dueInvalid"]);
    expect(issues({ course: "khoa", position: "", dueOn: "09/03/2026" })).toEqual(["dueOn:required.duePast"]);
  });

  test("a learner's badge says overdue only while the course is not completed", () => {
    expect(requirementBadge(undefined, false, now)).toBeNull();
    expect(requirementBadge(day("2026-03-01"), false, now)).toEqual({ dueOn: day("2026-03-01").toISOString(), overdue: true });
    expect(requirementBadge(day("2026-03-01"), true, now)).toMatchObject({ overdue: false });
    expect(requirementBadge(day("2026-04-01"), false, now)).toMatchObject({ overdue: false });
  });
});

describe("who is asked and who is overdue", () => {
  type Unit = TreeUnit & { name: string };
  let district: Unit;
  let commune: Unit;
  let branch: Unit;
  let neighbour: Unit;
  let courseId: string;
  const recertification = { version: 2, publishedAt: day("2026-01-01") };
  const people: Record<string, string> = {};
  let phone = 0;
  const person = async (name: string, unit: TreeUnit, holdings: { position: "chi_hoi_truong"; from: Date; to?: Date }[] = []) => {
    phone += 1;
    const user = await upsertPerson(
      db,
      { name, phone: `0971${String(phone).padStart(6, "0")}`, gender: "female", unitId: unit.id, positions: holdings.map((h) => ({ ...h, unitId: unit.id })) },
      { hash: "placeholder" },
    );
    people[name] = user.id;
  };
  const unit = async (code: string, name: string, level: string, parent: TreeUnit | null) => ({ ...(await ensureUnit(db, { code, name, level, kind: level, parent })), name });

  beforeAll(async () => {
    const province = await unit("RQ0", "Tỉnh Bắt Buộc", "province", null);
    district = await unit("RQ1", "Huyện Bắt Buộc", "district", province);
    commune = await unit("RQ11", "Xã Bắt Buộc", "commune", district);
    branch = await unit("RQ111", "Ấp Bắt Buộc", "branch", commune);
    neighbour = await unit("RQ2", "Huyện Bên Cạnh", "district", province);
    ({ id: courseId } = await db.course.create({
      data: { slug: "khoa-bat-buoc", title: "Khóa bắt buộc", summary: "", source: "content", version: 2, contentHash: "", passMark: 80, estimatedMinutes: 5 },
      select: { id: true },
    }));
    await person("Chị Xong Bản Cũ", commune);
    await person("Chị Chi Hội Trưởng", branch, [{ position: "chi_hoi_truong", from: day("2024-01-01") }]);
    await person("Chị Thôi Chi Hội", branch, [{ position: "chi_hoi_truong", from: day("2020-01-01"), to: day("2023-12-31") }]);
    await person("Chị Chưa Học", commune);
    await person("Chị Huyện Khác", neighbour);
    // Completed on version 1, which version 2 requires everyone to redo; and completed on version 2.
    await db.enrollment.create({ data: { userId: people["Chị Xong Bản Cũ"]!, courseId, courseVersion: 1, completedAt: day("2025-06-01") } });
    await db.enrollment.create({ data: { userId: people["Chị Chi Hội Trưởng"]!, courseId, courseVersion: 2, completedAt: day("2026-02-01") } });
    await db.enrollment.create({ data: { userId: people["Chị Huyện Khác"]!, courseId, courseVersion: 2, completedAt: day("2026-02-01") } });
  });

  const organizer = (u: TreeUnit): ScopedRole[] => [{ role: "organizer", unitId: u.id, unitPath: u.path, unitName: "" }];

  test("a requirement of a unit asks everyone living in it and below; one of a position asks its current holders there", async () => {
    await assignRequirement(db, "to-chuc", district, { id: courseId, slug: "khoa-bat-buoc" }, { position: null, dueOn: day("2026-03-01") });
    await assignRequirement(db, "to-chuc", district, { id: courseId, slug: "khoa-bat-buoc" }, { position: "chi_hoi_truong", dueOn: day("2026-06-30") });
    const dueOf = async (name: string) => {
      const due = (await requiredOf(db, people[name]!)).get(courseId);
      return due && isoDay(due);
    };
    expect(await dueOf("Chị Chưa Học")).toBe("2026-03-01");
    expect(await dueOf("Chị Thôi Chi Hội")).toBe("2026-03-01");
    // Asked twice: the earlier date is the one she must meet.
    expect(await dueOf("Chị Chi Hội Trưởng")).toBe("2026-03-01");
    expect(await dueOf("Chị Huyện Khác")).toBeUndefined();
  });

  test("a course assigned to a person by name is required of her, the earlier of its dates and her units' winning", async () => {
    const assign = (name: string, dueOn: string) => db.courseAssignment.create({ data: { userId: people[name]!, courseId, dueOn: day(dueOn) } });
    const dueOf = async (name: string) => {
      const due = (await requiredOf(db, people[name]!)).get(courseId);
      return due && isoDay(due);
    };
    await assign("Chị Huyện Khác", "2026-08-31");
    await assign("Chị Chưa Học", "2026-02-15");
    expect(await dueOf("Chị Huyện Khác")).toBe("2026-08-31");
    expect(await dueOf("Chị Chưa Học")).toBe("2026-02-15");
    await db.courseAssignment.deleteMany({ where: { courseId } });
  });

  test("counts are done / not done / overdue, and a completion due for re-certification is not done", async () => {
    const [everyone, heads] = await requirementsAround(db, commune);
    expect(everyone).toMatchObject({ position: null, unit: { id: district.id } });
    expect(await requirementStanding(db, everyone!, district, recertification, now)).toEqual({ people: 4, done: 1, notDone: 3, overdue: 3 });
    expect(await requirementStanding(db, heads!, district, recertification, now)).toEqual({ people: 1, done: 1, notDone: 0, overdue: 0 });
    // Without the re-certification, the version-1 completion counts.
    expect(await requirementStanding(db, everyone!, district, null, now)).toEqual({ people: 4, done: 2, notDone: 2, overdue: 2 });
    // Before the due day has ended nobody is overdue.
    expect(await requirementStanding(db, everyone!, district, recertification, day("2026-03-01"))).toMatchObject({ overdue: 0 });
    // Looked at from a commune, the district's requirement counts the commune's people only.
    expect(await requirementStanding(db, everyone!, branch, recertification, now)).toEqual({ people: 2, done: 1, notDone: 1, overdue: 1 });
  });

  test("the overdue are listed by name, a page at a time", async () => {
    const [everyone] = await requirementsAround(db, district);
    const page = await overduePeople(db, everyone!, district, recertification, 1, now);
    expect(page.rows.map((r) => r.name).sort()).toEqual(["Chị Chưa Học", "Chị Thôi Chi Hội", "Chị Xong Bản Cũ"]);
    expect(page).toMatchObject({ total: 3, pages: 1 });
    expect(await overduePeople(db, everyone!, district, recertification, 1, day("2026-02-01"))).toEqual({ rows: [], total: 0, page: 1, pages: 1 });
    expect(await requirementsAround(db, neighbour)).toEqual([]);
  });

  test("the database filter for completed and isCompleted agree on every enrollment", async () => {
    for (const requirement of [null, recertification, { version: 3, publishedAt: day("2026-02-15") }]) {
      const rows = await db.enrollment.findMany({ where: { courseId }, select: { id: true, completedAt: true, courseVersion: true } });
      const counted = await db.enrollment.findMany({ where: { courseId, ...completedEnrollmentWhere(requirement) }, select: { id: true } });
      expect(counted.map((r) => r.id).sort()).toEqual(rows.filter((r) => isCompleted(r, requirement)).map((r) => r.id).sort());
    }
  });

  test("assigning again moves the date; withdrawing needs the unit in one's scope; both are audited", async () => {
    const saved = await assignRequirement(db, "to-chuc", commune, { id: courseId, slug: "khoa-bat-buoc" }, { position: null, dueOn: day("2026-05-01") });
    const again = await assignRequirement(db, "to-chuc", commune, { id: courseId, slug: "khoa-bat-buoc" }, { position: null, dueOn: day("2026-05-15") });
    expect(again.id).toBe(saved.id);
    expect(await db.courseRequirement.findUniqueOrThrow({ where: { id: saved.id }, select: { dueOn: true } })).toEqual({ dueOn: day("2026-05-15") });
    expect(await removeRequirement(db, { id: "khac", roles: organizer(neighbour) }, saved.id)).toBe(false);
    expect(await removeRequirement(db, { id: "to-chuc", roles: organizer(district) }, saved.id)).toBe(true);
    expect(await removeRequirement(db, { id: "to-chuc", roles: organizer(district) }, saved.id)).toBe(false);
    const events = await db.auditEvent.findMany({ where: { entityId: saved.id }, select: { action: true, unitPath: true, before: true, after: true } });
    expect(events.map((e) => [e.action, e.before && JSON.parse(e.before).dueOn, e.after && JSON.parse(e.after).dueOn]).sort()).toEqual([
      ["requirement.assign", null, "2026-05-01"],
      ["requirement.assign", "2026-05-01", "2026-05-15"],
      ["requirement.remove", "2026-05-15", null],
    ]);
    expect(events.every((e) => e.unitPath === commune.path)).toBe(true);
  });
});
