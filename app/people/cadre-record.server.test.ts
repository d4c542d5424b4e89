import { expect, test } from "vitest";
import type { ScopedRole } from "#app/auth/permissions.ts";
import type { Catalog, CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { cadreRecord } from "./cadre-record.server.ts";

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;
const now = day(2026, 3, 1);

async function course(slug: string, title: string) {
  const row = await db.course.create({
    data: { slug, title, summary: "s", source: "content", estimatedMinutes: 30, passMark: 80, contentHash: slug, version: 2 },
    select: { id: true },
  });
  return { id: row.id, slug, title, recertification: null } as unknown as CatalogCourse;
}

test("a cadre's record: her planning entry with its history and readiness, her seat, her training; completing the course closes the gap", async () => {
  const province = await ensureUnit(db, { code: "HS", name: "Tỉnh Hồ Sơ", level: "province", kind: "tinh", parent: null });
  const commune = await ensureUnit(db, { code: "HS1", name: "Xã Hồ Sơ", level: "commune", kind: "xa", parent: province });
  const other = await ensureUnit(db, { code: "HS2", name: "Xã Bên Cạnh", level: "commune", kind: "xa", parent: province });
  const cadre = await upsertPerson(
    db,
    { name: "Trần Thị Hồ Sơ", phone: "0912000001", gender: "female", birthYear: 1985, partyMember: true, theoryLevel: "trung_cap", unitId: commune.id },
    null,
  );
  const [skills, renewed] = [await course("ky-nang-van-dong", "Kỹ năng vận động"), await course("nghi-quyet", "Học tập nghị quyết")];
  (renewed as { recertification: unknown }).recertification = { version: 2, publishedAt: day(2025, 12, 1) };
  const catalog: Catalog = { courses: [skills, renewed], bySlug: new Map([skills, renewed].map((c) => [c.slug, c])) };

  const term = await db.term.create({ data: { key: "2025-2030", startsOn: day(2025, 7, 1), endsOn: day(2030, 7, 1), treeOn: day(2025, 7, 1) } });
  await db.positionRequirement.create({
    data: { position: "hoi_pho_chu_tich", unitLevel: "commune", kind: "course", value: skills.slug, source: "Công văn thử", effectiveFrom: day(2019, 1, 1) },
  });
  const entry = await db.planningEntry.create({
    data: {
      userId: cadre.id, unitId: commune.id, termId: term.id, position: "hoi_pho_chu_tich", status: "approved",
      events: { create: [{ on: day(2025, 9, 1), status: "proposed" }, { on: day(2025, 10, 15), status: "approved" }] },
    },
  });
  const committee = await db.committee.create({ data: { unitId: commune.id, termId: term.id, kind: "union_executive", seats: 15 } });
  await db.committeeMember.create({ data: { committeeId: committee.id, userId: cadre.id, position: "hoi_uy_vien_ban_chap_hanh", how: "elected", on: day(2025, 8, 20) } });
  const enrollment = await db.enrollment.create({ data: { userId: cadre.id, courseId: skills.id, courseVersion: 2, startedAt: day(2026, 1, 5) } });
  await db.enrollment.create({ data: { userId: cadre.id, courseId: renewed.id, courseVersion: 1, startedAt: day(2024, 1, 5), completedAt: day(2024, 2, 1) } });
  await db.certificate.create({ data: { code: "HOSO-0001", userId: cadre.id, courseId: renewed.id, courseVersion: 1, holderName: "Trần Thị Hồ Sơ", unitName: "Xã Hồ Sơ", courseTitle: "Học tập nghị quyết" } });
  await db.courseAssignment.create({ data: { userId: cadre.id, courseId: skills.id, dueOn: day(2026, 2, 1), planningEntryId: entry.id } });

  const organizer: ScopedRole[] = [{ role: "organizer", unitId: commune.id, unitPath: commune.path, unitName: "Xã Hồ Sơ" }];
  const before = await cadreRecord(db, organizer, cadre.id, catalog, now);
  expect(before.planning).toHaveLength(1);
  expect(before.planning[0]).toMatchObject({ term: "2025-2030", unitName: "Xã Hồ Sơ", position: "hoi_pho_chu_tich", status: "approved" });
  expect(before.planning[0]!.events.map((e) => e.status)).toEqual(["proposed", "approved"]);
  expect(before.planning[0]!.readiness).toEqual({ state: "gaps", gaps: [{ kind: "course", course: skills.slug, source: "Công văn thử" }], blockers: [] });
  expect(before.seats).toEqual([expect.objectContaining({ committee: "union_executive", how: "elected", term: "2025-2030" })]);
  expect(before.training.map((t) => [t.title, t.state])).toEqual([
    ["Kỹ năng vận động", "in_progress"],
    ["Học tập nghị quyết", "needs_refresh"],
  ]);
  expect(before.certificates.map((c) => c.code)).toEqual(["HOSO-0001"]);
  expect(before.required).toEqual([expect.objectContaining({ courseId: skills.id, assigned: true, done: false, overdue: true })]);

  // Completing the course is the only write: the next read has her ready and the assignment done.
  await db.enrollment.update({ where: { id: enrollment.id }, data: { completedAt: day(2026, 2, 20) } });
  const after = await cadreRecord(db, organizer, cadre.id, catalog, now);
  expect(after.planning[0]!.readiness).toEqual({ state: "ready", gaps: [], blockers: [] });
  expect(after.required[0]).toMatchObject({ done: true, overdue: false });
  expect(after.training[0]).toMatchObject({ state: "completed", completedAt: day(2026, 2, 20) });

  const elsewhere: ScopedRole[] = [{ role: "organizer", unitId: other.id, unitPath: other.path, unitName: "Xã Bên Cạnh" }];
  const seenFromOutside = await cadreRecord(db, elsewhere, cadre.id, catalog, now);
  expect([seenFromOutside.planning, seenFromOutside.seats]).toEqual([[], []]);
});

test("an entry of an ended term, or a removed one, has no readiness: it is history", async () => {
  const unit = await ensureUnit(db, { code: "HS9", name: "Xã Cũ", level: "commune", kind: "xa", parent: null });
  const cadre = await upsertPerson(db, { name: "Lê Thị Cũ", phone: "0912000002", gender: "female", unitId: unit.id }, null);
  const old = await db.term.create({ data: { key: "2020-2025", startsOn: day(2020, 1, 1), endsOn: day(2025, 7, 1), treeOn: day(2020, 1, 1) } });
  await db.planningEntry.create({ data: { userId: cadre.id, unitId: unit.id, termId: old.id, position: "hoi_chu_tich", status: "approved" } });
  const admin: ScopedRole[] = [{ role: "admin", unitId: unit.id, unitPath: unit.path, unitName: "Xã Cũ" }];
  const record = await cadreRecord(db, admin, cadre.id, { courses: [], bySlug: new Map() }, now);
  expect(record.planning.map((p) => [p.term, p.readiness])).toEqual([["2020-2025", null]]);
});
