import { expect, test } from "vitest";
import type { Recertification } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { setDeactivated } from "#app/people/accounts.server.ts";
import { completedSql } from "#app/progress/refresh.server.ts";
import { unitLevel } from "./learning-report.server.ts";
import { findManagedUnit, moveUnit, type UnitManager } from "./unit-admin.server.ts";
import { ensureUnit, type TreeUnit } from "./unit-tree.server.ts";

// The tallies the triggers keep (migration subtree_tallies) against a direct count of the same rows by the
// one rule (completedSql), for every unit of the tree, after each write.
type Course = { id: string; recertification: Recertification | null };

async function directCount(unitId: string, course: Course) {
  const { path } = await db.orgUnit.findUniqueOrThrow({ where: { id: unitId }, select: { path: true } });
  const [row] = await db.$queryRaw<{ people: number | bigint; completed: number | bigint | null }[]>`
    select count(*) as "people",
      sum(case when exists (select 1 from "Enrollment" e where e."userId" = u."id" and e."courseId" = ${course.id} and ${completedSql("e", course.recertification)}) then 1 else 0 end) as "completed"
    from "User" u join "OrgUnit" o on o."id" = u."unitId"
    where o."path" like ${`${path}%`}`;
  return { people: Number(row!.people), completed: Number(row!.completed ?? 0) };
}

async function expectTalliesEqualCounts(units: TreeUnit[], course: Course) {
  for (const unit of units) {
    const level = await unitLevel(db, unit, course, new Date());
    expect(level.total, unit.path).toEqual(await directCount(unit.id, course));
    for (const child of level.children) expect({ people: child.people, completed: child.completed }).toEqual(await directCount(child.id, course));
  }
}

test("the subtree tallies equal a direct count by the one rule after completion, re-certification, moves, deactivation and deletion", async () => {
  const unit = (code: string, level: string, parent: TreeUnit | null) => ensureUnit(db, { code: `T-${code}`, name: code, level, kind: level, parent });
  const province = await unit("P", "province", null);
  const [north, south] = [await unit("N", "commune", province), await unit("S", "commune", province)];
  const [northBranch, southBranch] = [await unit("Na", "branch", north), await unit("Sa", "branch", south)];
  const units = () => Promise.all([province, north, south, northBranch, southBranch].map((u) => db.orgUnit.findUniqueOrThrow({ where: { id: u.id }, select: { id: true, path: true, depth: true } })));
  const created = await db.course.create({ data: { slug: "dem-san", title: "t", summary: "s", source: "content", estimatedMinutes: 1, passMark: 80, contentHash: "h", version: 1 }, select: { id: true } });
  let course: Course = { id: created.id, recertification: null };

  let phone = 0;
  const person = (at: TreeUnit) => db.user.create({ data: { name: `Cán bộ ${++phone}`, phone: `0977${String(phone).padStart(6, "0")}`, gender: "female", unitId: at.id }, select: { id: true } });
  const [ann, binh, chi, dung] = [await person(north), await person(northBranch), await person(southBranch), await person(southBranch)];
  for (const p of [ann, binh, chi]) await db.enrollment.create({ data: { userId: p.id, courseId: course.id, courseVersion: 1 } });
  await expectTalliesEqualCounts(await units(), course);

  // Completions, as settleCompletion writes them; a lesson step that rewrites the row changes nothing.
  for (const p of [ann, binh, chi]) await db.enrollment.updateMany({ where: { userId: p.id, courseId: course.id }, data: { completedAt: new Date(), courseVersion: 1 } });
  await db.enrollment.updateMany({ where: { userId: ann.id }, data: { userId: ann.id } });
  await db.enrollment.create({ data: { userId: dung.id, courseId: course.id, courseVersion: 1, completedAt: new Date() } });
  expect((await unitLevel(db, province, course, new Date())).total).toEqual({ people: 4, completed: 4 });
  await expectTalliesEqualCounts(await units(), course);

  // Version 2 marked for re-certification: nobody's completion counts until earned again on it.
  course = { ...course, recertification: { version: 2, publishedAt: new Date() } };
  expect((await unitLevel(db, province, course, new Date())).total).toEqual({ people: 4, completed: 0 });
  await db.enrollment.updateMany({ where: { userId: binh.id }, data: { completedAt: new Date(), courseVersion: 2 } });
  await expectTalliesEqualCounts(await units(), course);

  // A person moves to another unit (as the cadre import writes it), and a commune under another parent.
  await db.user.update({ where: { id: binh.id }, data: { unitId: southBranch.id } });
  await expectTalliesEqualCounts(await units(), course);
  const admin: UnitManager = { actorId: "actor", roles: [{ role: "admin", unitId: province.id, unitPath: province.path, unitName: "" }], permission: "units:manage" };
  expect(await moveUnit(db, admin, (await findManagedUnit(db, admin, southBranch.id))!, { parentCode: "T-N" })).toEqual({ ok: true, unitId: southBranch.id });
  await expectTalliesEqualCounts(await units(), course);
  expect((await unitLevel(db, north, course, new Date())).total).toEqual({ people: 4, completed: 1 });

  // Deactivation keeps a cadre and her learning in every count; deleting her and an enrollment takes them out.
  expect(await setDeactivated(db, { id: "actor" }, { id: binh.id, unit: southBranch }, true)).toEqual({ ok: true });
  await expectTalliesEqualCounts(await units(), course);
  course = { ...course, recertification: null };
  await db.user.delete({ where: { id: chi.id } });
  await db.enrollment.delete({ where: { userId_courseId: { userId: ann.id, courseId: course.id } } });
  await expectTalliesEqualCounts(await units(), course);
  expect((await unitLevel(db, province, course, new Date())).total).toEqual({ people: 3, completed: 2 });
});

test("deleting a course with completions takes its tallies with it", async () => {
  const unit = await ensureUnit(db, { code: "T-DEL", name: "del", level: "province", kind: "province", parent: null });
  const user = await db.user.create({ data: { name: "Cán bộ xóa", phone: "0977999001", gender: "female", unitId: unit.id }, select: { id: true } });
  const course = await db.course.create({ data: { slug: "xoa-khoa", title: "t", summary: "s", source: "content", estimatedMinutes: 1, passMark: 80, contentHash: "h", version: 1 }, select: { id: true } });
  await db.enrollment.create({ data: { userId: user.id, courseId: course.id, courseVersion: 1, completedAt: new Date() } });
  await db.course.delete({ where: { id: course.id } });
  expect(await db.subtreeCompletion.count({ where: { courseId: course.id } })).toBe(0);
});
