import { data, redirect } from "react-router";
import { z } from "zod";
import type { Db } from "#app/db.server.ts";
import { canChange, canOpen, canPlace, closeUnit, createUnit, managedLevels, mergeUnits, moveUnit, renameUnit, type ManagedUnit, type Outcome, type UnitManager } from "./unit-admin.server.ts";

const brief = { id: true, code: true, name: true, level: true, kind: true, path: true, validFrom: true, validTo: true } as const;

/** One level of the tree around a unit in the manager's scope: what the unit pages show, and what she may do there. */
export async function unitPage(db: Db, manager: UnitManager, unit: ManagedUnit) {
  const [parent, children, successions] = await Promise.all([
    unit.parentId ? db.orgUnit.findUnique({ where: { id: unit.parentId }, select: brief }) : null,
    db.orgUnit.findMany({ where: { parentId: unit.id }, select: brief, orderBy: [{ level: "asc" }, { code: "asc" }, { name: "asc" }] }),
    db.orgUnit.findUniqueOrThrow({
      where: { id: unit.id },
      select: { predecessors: { select: { predecessor: { select: brief } } }, successors: { select: { successor: { select: brief } } } },
    }),
  ]);
  const visible = <U extends { path: string }>(u: U) => canOpen(manager, u);
  const actions = intentsFor(manager, unit);
  return {
    unit: { ...unit, changeable: canChange(manager, unit) },
    parent: parent && visible(parent) ? { id: parent.id, name: parent.name } : null,
    children,
    predecessors: successions.predecessors.map((s) => s.predecessor).filter(visible),
    successors: successions.successors.map((s) => s.successor).filter(visible),
    creatableLevels: actions.includes("create") ? managedLevels(manager).filter((level) => canPlace(manager, unit.level, level)) : [],
    actions,
  };
}

export const unitIntents = ["create", "rename", "move", "close", "merge"] as const;
export type UnitIntent = (typeof unitIntents)[number];

/** What the manager may do on this unit's page: add below an open unit; change it when it lies strictly below her own. */
export function intentsFor(manager: UnitManager, unit: ManagedUnit): UnitIntent[] {
  if (unit.validTo && unit.validTo <= new Date()) return [];
  const below = managedLevels(manager).some((level) => canPlace(manager, unit.level, level));
  const own = canChange(manager, unit) ? (["rename", "close"] as const) : [];
  const admin = manager.permission === "units:manage";
  return [...(below ? (["create"] as const) : []), ...own, ...(admin && own.length ? (["move"] as const) : []), ...(admin ? (["merge"] as const) : [])];
}

const intentField = z.object({ intent: z.enum(unitIntents) });

/** Runs one posted form of a unit page; null when the intent is unknown or not the manager's to perform here. */
export async function applyUnitIntent(db: Db, manager: UnitManager, unit: ManagedUnit, form: Record<string, unknown>): Promise<(Outcome & { intent: UnitIntent }) | null> {
  const parsed = intentField.safeParse(form);
  if (!parsed.success || !intentsFor(manager, unit).includes(parsed.data.intent)) return null;
  const intent = parsed.data.intent;
  const run = { create: createUnit, rename: renameUnit, move: moveUnit, close: closeUnit, merge: mergeUnits }[intent];
  return { intent, ...(await run(db, manager, unit, form)) };
}

/**
 * A unit page's action: after a change, back to the page (with "saved"); a form with errors comes back with
 * them and the values typed, status 400; an intent not allowed here is a bad request.
 */
export async function unitAction(db: Db, manager: UnitManager, unit: ManagedUnit, form: Record<string, FormDataEntryValue>, linkTo: (id: string) => string) {
  const outcome = await applyUnitIntent(db, manager, unit, form);
  if (!outcome) throw data(null, { status: 400 });
  if (!outcome.ok) return data({ intent: outcome.intent, errors: outcome.errors, values: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])) }, { status: 400 });
  const page = linkTo(outcome.intent === "create" ? unit.id : outcome.unitId);
  return redirect(`${page}${page.includes("?") ? "&" : "?"}saved`);
}
