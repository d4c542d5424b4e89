import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import type { ScopedRole } from "#app/auth/permissions.ts";
import { scopesFor } from "#app/auth/permissions.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import type { unitsMessages } from "#app/i18n/vi/units.ts";
import { parseDay } from "./days.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { isValidOn } from "./periods.ts";
import { canContain, kindsByLevel, isUnitLevel } from "./unit-kinds.ts";
import { unitLevels, type UnitLevel } from "./unit-path.ts";
import { insertUnit } from "./unit-tree.server.ts";

/**
 * Who changes the tree: an admin (units:manage) shapes every level below the unit of her role; an
 * organizer (branches:manage) only the hamlet and non-territorial branches and groups inside hers.
 */
export type UnitManager = { actorId: string; roles: readonly ScopedRole[]; permission: "units:manage" | "branches:manage" };

export type UnitsKey = keyof typeof unitsMessages;
export type FieldErrors = Partial<Record<string, UnitsKey>>;
export type Outcome = { ok: true; unitId: string } | { ok: false; errors: FieldErrors };

export const managedUnitSelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  kind: true,
  path: true,
  depth: true,
  parentId: true,
  validFrom: true,
  validTo: true,
} as const;
export type ManagedUnit = { id: string; code: string; name: string; level: string; kind: string; path: string; depth: number; parentId: string | null; validFrom: Date | null; validTo: Date | null };

export function managedLevels(manager: UnitManager): readonly UnitLevel[] {
  return manager.permission === "units:manage" ? unitLevels : ["branch", "group"];
}

/** A unit of `level` may go below one of `parentLevel`: organizers add branches to communes and groups to either. */
export function canPlace(manager: UnitManager, parentLevel: string, level: string) {
  const inside = manager.permission === "units:manage" || parentLevel === "commune" || parentLevel === "branch";
  return inside && (managedLevels(manager) as readonly string[]).includes(level) && canContain(parentLevel, level);
}

/** Within the manager's scope: she may look at it and place units under it. */
export function canOpen(manager: UnitManager, unit: { path: string }) {
  return scopesFor(manager.roles, manager.permission).some((s) => unit.path.startsWith(s.unitPath));
}

/** Strictly below the unit of one of her roles and at a level she manages: she may change it. */
export function canChange(manager: UnitManager, unit: { path: string; level: string }) {
  return (
    (managedLevels(manager) as readonly string[]).includes(unit.level) &&
    scopesFor(manager.roles, manager.permission).some((s) => unit.path.startsWith(s.unitPath) && unit.path !== s.unitPath)
  );
}

/** The unit with this id if it lies in the manager's scope, else null: routes answer both with 404. */
export async function findManagedUnit(db: Db, manager: UnitManager, id: string): Promise<ManagedUnit | null> {
  const unit = await db.orgUnit.findUnique({ where: { id }, select: managedUnitSelect });
  return unit && canOpen(manager, unit) ? unit : null;
}

const issuesOf = (error: z.ZodError): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message as UnitsKey;
  return errors;
};
const fail = (errors: FieldErrors): Outcome => ({ ok: false, errors });

const day = dayField("units.error.date");
const optionalDay = z.string().trim().default("").transform((v, ctx) => (v === "" ? null : (parseDay(v) ?? (ctx.addIssue({ code: "custom", message: "units.error.date" }), z.NEVER))));
const name = z.string({ error: "units.error.name" }).trim().min(2, "units.error.name").max(120, "units.error.name");

const createForm = z.object({
  code: z.string({ error: "units.error.code" }).trim().regex(/^[\p{L}\d.-]{1,20}$/u, "units.error.code"),
  name,
  level: z.string({ error: "units.error.level" }),
  kind: z.string({ error: "units.error.kind" }),
  validFrom: optionalDay,
});

/** Opened and not yet closed on `date`. */
const openOn = (date: Date) => ({ AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: date } }] }, { OR: [{ validTo: null }, { validTo: { gt: date } }] }] });

export async function createUnit(db: Db, manager: UnitManager, parent: ManagedUnit, input: Record<string, unknown>): Promise<Outcome> {
  const parsed = createForm.safeParse(input);
  if (!parsed.success) return fail(issuesOf(parsed.error));
  const form = parsed.data;
  if (!isUnitLevel(form.level) || !canPlace(manager, parent.level, form.level)) return fail({ level: "units.error.level" });
  if (!(kindsByLevel[form.level] as readonly string[]).includes(form.kind)) return fail({ kind: "units.error.kind" });
  const on = form.validFrom ?? new Date();
  if (parent.validFrom && on < parent.validFrom) return fail({ validFrom: "units.error.beforeParent" });
  if (parent.validTo && on >= parent.validTo) return fail({ validFrom: "units.error.parentClosed" });
  if (await db.orgUnit.count({ where: { parentId: parent.id, code: form.code, ...openOn(on) } })) return fail({ code: "units.error.codeTaken" });
  return db.$transaction(async (tx) => {
    const unit = await insertUnit(tx, { code: form.code, name: form.name, level: form.level, kind: form.kind, parent, validFrom: form.validFrom });
    await recordAudit(tx, { actorId: manager.actorId, action: "unit.create", entity: "OrgUnit", entityId: unit.id, unitPath: unit.path, after: { ...form, parentId: parent.id } });
    return { ok: true as const, unitId: unit.id };
  });
}

export async function renameUnit(db: Db, manager: UnitManager, unit: ManagedUnit, input: Record<string, unknown>): Promise<Outcome> {
  if (!canChange(manager, unit)) throw new Error("renameUnit: unit outside the manager's scope");
  const parsed = z.object({ name }).safeParse(input);
  if (!parsed.success) return fail(issuesOf(parsed.error));
  if (unit.validTo && unit.validTo <= new Date()) return fail({ name: "units.error.closedUnit" });
  return db.$transaction(async (tx) => {
    await tx.orgUnit.update({ where: { id: unit.id }, data: { name: parsed.data.name } });
    await recordAudit(tx, { actorId: manager.actorId, action: "unit.rename", entity: "OrgUnit", entityId: unit.id, unitPath: unit.path, before: { name: unit.name }, after: { name: parsed.data.name } });
    return { ok: true as const, unitId: unit.id };
  });
}

/** Closes a unit from `validTo` on. A unit with units below it still open after that day is refused: close or move them first. */
export async function closeUnit(db: Db, manager: UnitManager, unit: ManagedUnit, input: Record<string, unknown>): Promise<Outcome> {
  if (!canChange(manager, unit)) throw new Error("closeUnit: unit outside the manager's scope");
  const parsed = z.object({ validTo: day }).safeParse(input);
  if (!parsed.success) return fail(issuesOf(parsed.error));
  const validTo = parsed.data.validTo;
  if (unit.validTo) return fail({ validTo: "units.error.alreadyClosed" });
  if (unit.validFrom && validTo <= unit.validFrom) return fail({ validTo: "units.error.closeBeforeStart" });
  if (await db.orgUnit.count({ where: { parentId: unit.id, OR: [{ validTo: null }, { validTo: { gt: validTo } }] } })) return fail({ validTo: "units.error.openChildren" });
  return db.$transaction(async (tx) => {
    await tx.orgUnit.update({ where: { id: unit.id }, data: { validTo } });
    await recordAudit(tx, { actorId: manager.actorId, action: "unit.close", entity: "OrgUnit", entityId: unit.id, unitPath: unit.path, before: { validTo: null }, after: { validTo } });
    return { ok: true as const, unitId: unit.id };
  });
}

/**
 * Moves a unit and its whole subtree under another parent (found by code among the active units of the
 * manager's scope that can hold it), rewriting their materialized paths, and those of their audit events, in one transaction.
 */
export async function moveUnit(db: Db, manager: UnitManager, unit: ManagedUnit, input: Record<string, unknown>): Promise<Outcome> {
  if (manager.permission !== "units:manage" || !canChange(manager, unit)) throw new Error("moveUnit: unit outside the manager's scope");
  const parsed = z.object({ parentCode: z.string({ error: "units.error.parentNotFound" }).trim().min(1, "units.error.parentNotFound") }).safeParse(input);
  if (!parsed.success) return fail(issuesOf(parsed.error));
  if (unit.validTo) return fail({ parentCode: "units.error.closedUnit" });
  const found = (await db.orgUnit.findMany({ where: { code: parsed.data.parentCode, ...openOn(new Date()) }, select: managedUnitSelect })).filter((c) => canOpen(manager, c));
  if (found.some((c) => c.path.startsWith(unit.path))) return fail({ parentCode: "units.error.moveIntoItself" });
  const candidates = found.filter((c) => canContain(c.level, unit.level));
  if (candidates.length === 0) return fail({ parentCode: "units.error.parentNotFound" });
  if (candidates.length > 1) return fail({ parentCode: "units.error.parentAmbiguous" });
  const parent = candidates[0]!;
  if (parent.id === unit.parentId) return fail({ parentCode: "units.error.sameParent" });
  const path = `${parent.path}${unit.id}/`;
  const depthChange = parent.depth + 1 - unit.depth;
  return db.$transaction(async (tx) => {
    // No new path can collide with an old one: the unit's id occurs only in its own subtree's paths.
    const rewritten = await tx.$executeRaw`update "OrgUnit" set "path" = ${path} || substr("path", ${unit.path.length + 1}), "depth" = "depth" + ${depthChange} where substr("path", 1, ${unit.path.length}) = ${unit.path}`;
    // None left at the path read before: another tab moved it first (setting the parent now would split it from its
    // path). The same move sent twice (a double click) is done already.
    if (rewritten === 0) {
      const done = await tx.orgUnit.count({ where: { id: unit.id, path } });
      return done ? { ok: true as const, unitId: unit.id } : fail({ parentCode: "units.error.movedMeanwhile" });
    }
    await tx.orgUnit.update({ where: { id: unit.id }, data: { parentId: parent.id } });
    // Its history goes with it: the organizers it now sits under read its audit log, and those it left, whose
    // scope no longer holds its people, do not.
    await tx.$executeRaw`update "AuditEvent" set "unitPath" = ${path} || substr("unitPath", ${unit.path.length + 1}) where substr("unitPath", 1, ${unit.path.length}) = ${unit.path}`;
    await recordAudit(tx, { actorId: manager.actorId, action: "unit.move", entity: "OrgUnit", entityId: unit.id, unitPath: path, before: { parentId: unit.parentId, path: unit.path }, after: { parentId: parent.id, path } });
    return { ok: true as const, unitId: unit.id };
  });
}

const mergeForm = z.object({
  predecessorCodes: z.string({ error: "units.error.predecessors" }).transform((v, ctx) => {
    const codes = [...new Set(v.split(/[\s,;]+/).filter(Boolean))];
    return codes.length > 0 ? codes : (ctx.addIssue({ code: "custom", message: "units.error.predecessors" }), z.NEVER);
  }),
  effectiveOn: day,
  legalBasis: z.string({ error: "units.error.legalBasis" }).trim().min(3, "units.error.legalBasis").max(200, "units.error.legalBasis"),
});

/**
 * Merges units of the successor's level (by code) into it from `effectiveOn`: a UnitSuccession each, the
 * predecessors closed on that day, and their open branches carried over to the successor.
 */
export async function mergeUnits(db: Db, manager: UnitManager, successor: ManagedUnit, input: Record<string, unknown>): Promise<Outcome> {
  if (manager.permission !== "units:manage" || !canOpen(manager, successor)) throw new Error("mergeUnits: unit outside the manager's scope");
  const parsed = mergeForm.safeParse(input);
  if (!parsed.success) return fail(issuesOf(parsed.error));
  const { predecessorCodes, effectiveOn, legalBasis } = parsed.data;
  if (!isValidOn(successor, effectiveOn)) return fail({ effectiveOn: "units.error.successorNotValid" });
  const found = await db.orgUnit.findMany({
    where: { code: { in: predecessorCodes }, level: successor.level, id: { not: successor.id }, OR: [{ validTo: null }, { validTo: { gte: effectiveOn } }] },
    select: { ...managedUnitSelect, successors: { where: { successorId: successor.id }, select: { id: true } } },
  });
  const eligible = found.filter((u) => canChange(manager, u) && (u.validFrom === null || u.validFrom < effectiveOn) && !successor.path.startsWith(u.path));
  for (const code of predecessorCodes) {
    const matches = eligible.filter((u) => u.code === code);
    if (matches.length === 0) return fail({ predecessorCodes: "units.error.predecessorNotFound" });
    if (matches.length > 1) return fail({ predecessorCodes: "units.error.predecessorAmbiguous" });
    if (matches[0]!.successors.length > 0) return fail({ predecessorCodes: "units.error.alreadyMerged" });
  }
  return db.$transaction(async (tx) => {
    for (const predecessor of eligible) {
      await tx.unitSuccession.create({ data: { predecessorId: predecessor.id, successorId: successor.id, effectiveOn, legalBasis } });
      await tx.orgUnit.update({ where: { id: predecessor.id }, data: { validTo: effectiveOn } });
      await carryOverChildren(tx, { actorId: manager.actorId, effectiveOn, legalBasis }, predecessor, successor);
      await recordAudit(tx, {
        actorId: manager.actorId,
        action: "unit.merge",
        entity: "OrgUnit",
        entityId: predecessor.id,
        unitPath: predecessor.path,
        before: { validTo: predecessor.validTo },
        after: { validTo: effectiveOn, successorId: successor.id, effectiveOn, legalBasis },
      });
    }
    return { ok: true as const, unitId: successor.id };
  });
}

type Carry = { actorId: string | null; effectiveOn: Date; legalBasis: string };

const shortName = (name: string) => name.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, "");

/**
 * Carries the children of `from` still open on `effectiveOn` (and not carried before) over to `to`, with
 * their own children: a new unit from that day, a succession old → new, the old one closed that day. A
 * name already used under `to` gets the old parent's name beside it. Repeating it carries nothing twice.
 */
export async function carryOverChildren(tx: DbTx, carry: Carry, from: { id: string; name: string }, to: { id: string; path: string; depth: number }) {
  const { effectiveOn, legalBasis } = carry;
  const children = await tx.orgUnit.findMany({
    where: { parentId: from.id, OR: [{ validTo: null }, { validTo: { gt: effectiveOn } }], successors: { none: {} } },
    select: managedUnitSelect,
    orderBy: { code: "asc" },
  });
  if (children.length === 0) return;
  const taken = new Set((await tx.orgUnit.findMany({ where: { parentId: to.id, ...openOn(effectiveOn) }, select: { name: true } })).map((u) => u.name));
  for (const child of children) {
    const name = taken.has(child.name) ? `${child.name} (${shortName(from.name)})` : child.name;
    taken.add(name);
    const carried = await insertUnit(tx, { code: child.code, name, level: child.level, kind: child.kind, parent: to, validFrom: effectiveOn });
    await tx.unitSuccession.create({ data: { predecessorId: child.id, successorId: carried.id, effectiveOn, legalBasis } });
    await tx.orgUnit.update({ where: { id: child.id }, data: { validTo: effectiveOn } });
    await recordAudit(tx, { actorId: carry.actorId, action: "unit.carry", entity: "OrgUnit", entityId: carried.id, unitPath: carried.path, before: { id: child.id, path: child.path, name: child.name }, after: { name, validFrom: effectiveOn, legalBasis } });
    await carryOverChildren(tx, carry, child, carried);
  }
}
