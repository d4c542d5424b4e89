import { describe, expect, test } from "vitest";
import type { Role } from "#app/auth/permissions.ts";
import { db } from "#app/db.server.ts";
import { closeUnit, createUnit, findManagedUnit, mergeUnits, moveUnit, renameUnit, type UnitManager } from "./unit-admin.server.ts";
import { listAuditEvents } from "#app/audit/audit-log.server.ts";
import { vietnamDay } from "./days.ts";
import { sourceUnits } from "./unit-history.server.ts";
import { ensureUnit } from "./unit-tree.server.ts";

let counter = 0;
async function tree() {
  counter += 1;
  const p = `A${counter}`;
  const province = await ensureUnit(db, { code: p, name: "Tỉnh Thử", level: "province", kind: "tinh", parent: null });
  const north = await ensureUnit(db, { code: `${p}N`, name: "Huyện Bắc", level: "district", kind: "huyen", parent: province });
  const south = await ensureUnit(db, { code: `${p}S`, name: "Huyện Nam", level: "district", kind: "huyen", parent: province });
  const commune = await ensureUnit(db, { code: `${p}N1`, name: "Xã Một", level: "commune", kind: "xa", parent: north });
  const branch = await ensureUnit(db, { code: `${p}N1-01`, name: "Chi hội Ấp Một", level: "branch", kind: "ap", parent: commune });
  const group = await ensureUnit(db, { code: `${p}N1-01-1`, name: "Tổ hội 1", level: "group", kind: "to_hoi", parent: branch });
  return { p, province, north, south, commune, branch, group };
}

const manager = (role: Role, unit: { id: string; path: string }, permission: UnitManager["permission"]): UnitManager => ({
  actorId: "actor",
  roles: [{ role, unitId: unit.id, unitPath: unit.path, unitName: "" }],
  permission,
});
const load = async (m: UnitManager, id: string) => (await findManagedUnit(db, m, id))!;
const pathOf = async (id: string) => (await db.orgUnit.findUniqueOrThrow({ where: { id }, select: { path: true, depth: true, parentId: true } }));
const audits = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, select: { action: true, actorId: true, before: true, after: true } });

describe("admins", () => {
  test("create a unit below one in their scope, with validation in Vietnamese message keys, audited", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    const north = await load(admin, t.north.id);
    const created = await createUnit(db, admin, north, { code: `${t.p}N2`, name: "Xã Hai", level: "commune", kind: "xa", validFrom: "2020-01-01" });
    expect(created.ok).toBe(true);
    const unit = await db.orgUnit.findUniqueOrThrow({ where: { id: created.ok ? created.unitId : "" }, select: { path: true, depth: true, validFrom: true } });
    expect(unit).toEqual({ path: `${t.north.path}${created.ok ? created.unitId : ""}/`, depth: 2, validFrom: vietnamDay(2020, 1, 1) });
    expect((await audits(created.ok ? created.unitId : ""))[0]?.action).toBe("unit.create");

    expect(await createUnit(db, admin, north, { code: "", name: "X", level: "province", kind: "ap", validFrom: "31/02/2020" })).toEqual({
      ok: false,
      errors: { code: "units.error.code", name: "units.error.name", validFrom: "units.error.date" },
    });
    expect(await createUnit(db, admin, north, { code: "Q1", name: "Tỉnh Lạc", level: "province", kind: "tinh" })).toEqual({ ok: false, errors: { level: "units.error.level" } });
    expect(await createUnit(db, admin, north, { code: "Q1", name: "Xã Lạc", level: "commune", kind: "ap" })).toEqual({ ok: false, errors: { kind: "units.error.kind" } });
    expect(await createUnit(db, admin, north, { code: `${t.p}N1`, name: "Xã Trùng", level: "commune", kind: "xa" })).toEqual({ ok: false, errors: { code: "units.error.codeTaken" } });
  });

  test("rename a unit, keeping the old name in the audit", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    expect(await renameUnit(db, admin, await load(admin, t.commune.id), { name: "  Xã Mới  " })).toEqual({ ok: true, unitId: t.commune.id });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: t.commune.id } })).name).toBe("Xã Mới");
    expect(await audits(t.commune.id)).toEqual([{ action: "unit.rename", actorId: "actor", before: '{"name":"Xã Một"}', after: '{"name":"Xã Mới"}' }]);
  });

  test("move a commune to another district: the paths and depths of its whole subtree are rewritten", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    const outcome = await moveUnit(db, admin, await load(admin, t.commune.id), { parentCode: `${t.p}S` });
    expect(outcome).toEqual({ ok: true, unitId: t.commune.id });
    const commune = `${t.south.path}${t.commune.id}/`;
    expect(await pathOf(t.commune.id)).toEqual({ path: commune, depth: 2, parentId: t.south.id });
    expect(await pathOf(t.branch.id)).toEqual({ path: `${commune}${t.branch.id}/`, depth: 3, parentId: t.commune.id });
    expect(await pathOf(t.group.id)).toEqual({ path: `${commune}${t.branch.id}/${t.group.id}/`, depth: 4, parentId: t.branch.id });
    expect(await db.orgUnit.count({ where: { path: { startsWith: t.north.path } } })).toBe(1);

    // Since 2025 a commune sits right below its province: one level up is allowed, a shallower depth too.
    expect(await moveUnit(db, admin, await load(admin, t.commune.id), { parentCode: t.p })).toEqual({ ok: true, unitId: t.commune.id });
    expect((await pathOf(t.group.id)).depth).toBe(3);
  });

  test("a moved unit's audit history goes with it: the district it left no longer reads it, the one it joined does", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    await renameUnit(db, admin, await load(admin, t.branch.id), { name: "Chi hội Ấp Mới" });
    await renameUnit(db, admin, await load(admin, t.north.id), { name: "Huyện Bắc Mới" });
    await moveUnit(db, admin, await load(admin, t.commune.id), { parentCode: `${t.p}S` });
    const read = async (unit: { path: string }) => (await listAuditEvents(db, unit.path, { page: 1 })).events.map((e) => `${e.action} ${e.entityId}`);
    expect(await read(t.north)).toEqual([`unit.rename ${t.north.id}`]);
    expect(await read(t.south)).toEqual([`unit.move ${t.commune.id}`, `unit.rename ${t.branch.id}`]);
    const branchEvent = await db.auditEvent.findFirstOrThrow({ where: { entityId: t.branch.id }, select: { unitPath: true } });
    expect(branchEvent.unitPath).toBe(`${t.south.path}${t.commune.id}/${t.branch.id}/`);
  });

  test("two tabs move the same unit: the second, read before the first was saved, changes nothing and says so; the same move sent twice is done once", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    await ensureUnit(db, { code: `${t.p}W`, name: "Huyện Tây", level: "district", kind: "huyen", parent: t.province });
    const [firstTab, secondTab, doubleClick] = [await load(admin, t.commune.id), await load(admin, t.commune.id), await load(admin, t.commune.id)];
    expect(await moveUnit(db, admin, firstTab, { parentCode: `${t.p}S` })).toEqual({ ok: true, unitId: t.commune.id });
    expect(await moveUnit(db, admin, secondTab, { parentCode: `${t.p}W` })).toEqual({ ok: false, errors: { parentCode: "units.error.movedMeanwhile" } });
    expect(await moveUnit(db, admin, doubleClick, { parentCode: `${t.p}S` })).toEqual({ ok: true, unitId: t.commune.id });
    expect(await pathOf(t.commune.id)).toEqual({ path: `${t.south.path}${t.commune.id}/`, depth: 2, parentId: t.south.id });
    expect((await audits(t.commune.id)).map((a) => a.action)).toEqual(["unit.move"]);
  });

  test("a unit is never moved under itself or below it, nor under a unit that cannot hold it or lies outside the scope", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    const north = await load(admin, t.north.id);
    expect(await moveUnit(db, admin, north, { parentCode: `${t.p}N1` })).toEqual({ ok: false, errors: { parentCode: "units.error.moveIntoItself" } });
    expect(await moveUnit(db, admin, await load(admin, t.commune.id), { parentCode: `${t.p}N1-01` })).toEqual({ ok: false, errors: { parentCode: "units.error.moveIntoItself" } });
    await ensureUnit(db, { code: `${t.p}S1`, name: "Xã Nam", level: "commune", kind: "xa", parent: t.south });
    expect(await moveUnit(db, admin, await load(admin, t.commune.id), { parentCode: `${t.p}S1` })).toEqual({ ok: false, errors: { parentCode: "units.error.parentNotFound" } });
    const other = await ensureUnit(db, { code: `${t.p}X`, name: "Tỉnh Khác", level: "province", kind: "tinh", parent: null });
    expect(await moveUnit(db, admin, north, { parentCode: `${t.p}X` })).toEqual({ ok: false, errors: { parentCode: "units.error.parentNotFound" } });
    expect(await moveUnit(db, admin, await load(admin, t.commune.id), { parentCode: `${t.p}N` })).toEqual({ ok: false, errors: { parentCode: "units.error.sameParent" } });
    expect((await pathOf(t.group.id)).path.startsWith(t.north.path)).toBe(true);
    expect(other.path).not.toContain(t.north.id);
  });

  test("closing a unit with open units below it is refused; once they are closed it closes", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    const validTo = { validTo: "2024-03-01" };
    expect(await closeUnit(db, admin, await load(admin, t.branch.id), validTo)).toEqual({ ok: false, errors: { validTo: "units.error.openChildren" } });
    expect(await closeUnit(db, admin, await load(admin, t.group.id), { validTo: "2024-02-01" })).toEqual({ ok: true, unitId: t.group.id });
    expect(await closeUnit(db, admin, await load(admin, t.branch.id), validTo)).toEqual({ ok: true, unitId: t.branch.id });
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: t.branch.id } })).validTo).toEqual(vietnamDay(2024, 3, 1));
    expect(await closeUnit(db, admin, await load(admin, t.branch.id), validTo)).toEqual({ ok: false, errors: { validTo: "units.error.alreadyClosed" } });
    expect((await audits(t.branch.id)).map((a) => a.action)).toEqual(["unit.close"]);
  });

  test("merging communes into a successor links them, closes them on that day and carries their open branches over", async () => {
    const t = await tree();
    const admin = manager("admin", t.province, "units:manage");
    const two = await ensureUnit(db, { code: `${t.p}S1`, name: "Xã Hai", level: "commune", kind: "xa", parent: t.south });
    await ensureUnit(db, { code: `${t.p}S1-01`, name: "Chi hội Ấp Một", level: "branch", kind: "ap", parent: two });
    const created = await createUnit(db, admin, await load(admin, t.province.id), { code: `${t.p}M`, name: "Xã Hợp Nhất", level: "commune", kind: "xa", validFrom: "2025-07-01" });
    const successor = await load(admin, created.ok ? created.unitId : "");
    const form = { predecessorCodes: `${t.p}N1, ${t.p}S1`, effectiveOn: "2025-07-01", legalBasis: "Nghị quyết 1655/NQ-UBTVQH15" };

    expect(await mergeUnits(db, admin, successor, { ...form, effectiveOn: "2025-06-01" })).toEqual({ ok: false, errors: { effectiveOn: "units.error.successorNotValid" } });
    expect(await mergeUnits(db, admin, successor, { ...form, predecessorCodes: `${t.p}N1, NOPE` })).toEqual({ ok: false, errors: { predecessorCodes: "units.error.predecessorNotFound" } });
    expect(await db.unitSuccession.count({ where: { successorId: successor.id } })).toBe(0);

    expect(await mergeUnits(db, admin, successor, form)).toEqual({ ok: true, unitId: successor.id });
    const on = vietnamDay(2025, 7, 1)!;
    const predecessors = await db.unitSuccession.findMany({ where: { successorId: successor.id }, select: { predecessor: { select: { code: true, validTo: true } }, effectiveOn: true, legalBasis: true } });
    expect(predecessors.map((p) => p.predecessor.code).sort()).toEqual([`${t.p}N1`, `${t.p}S1`]);
    expect(predecessors.every((p) => p.predecessor.validTo?.getTime() === on.getTime() && p.effectiveOn.getTime() === on.getTime())).toBe(true);

    const carried = await db.orgUnit.findMany({ where: { parentId: successor.id }, select: { name: true, validFrom: true, predecessors: { select: { predecessorId: true } }, children: { select: { name: true } } }, orderBy: { name: "asc" } });
    expect(carried.map((c) => c.name)).toEqual(["Chi hội Ấp Một", "Chi hội Ấp Một (Hai)"]);
    expect(carried.every((c) => c.validFrom?.getTime() === on.getTime() && c.predecessors.length === 1)).toBe(true);
    expect(carried.flatMap((c) => c.children.map((g) => g.name))).toEqual(["Tổ hội 1"]);
    expect((await db.orgUnit.findUniqueOrThrow({ where: { id: t.branch.id } })).validTo).toEqual(on);

    // The successor's first half of 2025 is its predecessors'; its second half its own.
    const row = await db.orgUnit.findUniqueOrThrow({ where: { id: successor.id } });
    expect((await sourceUnits(db, row, { year: 2025, half: 1 })).map((u) => u.code).sort()).toEqual([`${t.p}N1`, `${t.p}S1`]);
    expect((await sourceUnits(db, row, { year: 2025, half: 2 })).map((u) => u.code)).toEqual([`${t.p}M`]);

    expect(await mergeUnits(db, admin, successor, form)).toEqual({ ok: false, errors: { predecessorCodes: "units.error.alreadyMerged" } });
  });
});

describe("organizers", () => {
  test("manage branches and groups below their unit only", async () => {
    const t = await tree();
    const organizer = manager("organizer", t.north, "branches:manage");
    const commune = await load(organizer, t.commune.id);
    const created = await createUnit(db, organizer, commune, { code: `${t.p}N1-NT`, name: "Chi hội phụ nữ nhà trọ", level: "branch", kind: "phi_dia_ban" });
    expect(created.ok).toBe(true);
    const branch = await load(organizer, created.ok ? created.unitId : "");
    expect(await renameUnit(db, organizer, branch, { name: "Chi hội phụ nữ công nhân nhà trọ" })).toEqual({ ok: true, unitId: branch.id });
    expect(await closeUnit(db, organizer, branch, { validTo: "2026-01-01" })).toEqual({ ok: true, unitId: branch.id });

    // Not a commune, not a district: only branches and groups.
    expect(await createUnit(db, organizer, commune, { code: "Z", name: "Xã Con", level: "commune", kind: "xa" })).toEqual({ ok: false, errors: { level: "units.error.level" } });
    await expect(renameUnit(db, organizer, commune, { name: "Xã Đổi" })).rejects.toThrow();
    // Outside her district the unit is not found at all.
    expect(await findManagedUnit(db, organizer, t.south.id)).toBeNull();
    expect(await findManagedUnit(db, organizer, t.province.id)).toBeNull();
    expect(await findManagedUnit(db, manager("learner", t.north, "branches:manage"), t.commune.id)).toBeNull();
  });
});
