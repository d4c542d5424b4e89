import type { Catalog } from "#app/courses/catalog.server.ts";
import type { Db } from "#app/db.server.ts";
import { isValidOn } from "#app/org/periods.ts";
import { policyHistory } from "#app/policy/policy.server.ts";
import { plannableWhere } from "./eligibility.ts";
import type { PlanningUnit } from "./entries.server.ts";
import { activeEntries, activeStatuses, listFacts, rulesFor, type PlanningTerm } from "./lists.server.ts";
import { isPlanningLevel, isPlanningPosition, type PlanningPosition } from "./positions.ts";
import { standing } from "./procedure.ts";
import { readinessOf } from "./readiness.server.ts";
import { judgedOn, listWarnings } from "./rules.ts";
import { procedureOn, recordedSteps } from "./steps.server.ts";

/** Whether a unit has a planning list for a term: a level that elects committees, on the term's tree. */
export const hasListFor = (unit: { level: string; validFrom: Date | null; validTo: Date | null }, term: PlanningTerm) => isPlanningLevel(unit.level) && isValidOn(unit, term.treeOn);

/** How many people each unit's list has (active entries), for the index. */
export async function plannedCounts(db: Db, unitIds: readonly string[], term: PlanningTerm) {
  const rows = await db.planningEntry.findMany({ where: { termId: term.id, unitId: { in: [...unitIds] }, status: { in: [...activeStatuses] } }, select: { unitId: true, userId: true }, distinct: ["unitId", "userId"] });
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.unitId, (counts.get(r.unitId) ?? 0) + 1);
  return counts;
}

/**
 * Everything the list page shows of one unit's list for a term: each entry with its cadre, dated history,
 * readiness (from her training now) and standing in the procedure; the warnings of the rules; the steps
 * and reviews recorded; the people of the subtree who can be planned.
 */
export async function planningListView(db: Db, unit: PlanningUnit, term: PlanningTerm, day: Date, catalog: Catalog) {
  const on = judgedOn(day, term);
  const [rules, rows, steps, procedure, reviews, cadres, active, thresholdOn] = await Promise.all([
    rulesFor(db, term, day),
    db.planningEntry.findMany({
      where: { unitId: unit.id, termId: term.id },
      orderBy: [{ position: "asc" }, { user: { name: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        position: true,
        status: true,
        reason: true,
        user: { select: { id: true, name: true, gender: true, birthDate: true, birthYear: true, theoryLevel: true, partyMember: true } },
        events: { orderBy: [{ on: "asc" }, { id: "asc" }], select: { id: true, on: true, status: true, reason: true } },
      },
    }),
    recordedSteps(db, unit, term),
    procedureOn(db, on),
    db.planningReview.findMany({ where: { unitId: unit.id, termId: term.id }, orderBy: { year: "asc" }, select: { id: true, year: true, heldOn: true, note: true } }),
    db.user.findMany({
      where: plannableWhere(unit, term),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, birthYear: true, unit: { select: { id: true, name: true } } },
    }),
    activeEntries(db, [unit.id], term),
    policyHistory(db, "planning-vote-threshold"),
  ]);
  const entries = rows.filter((r): r is (typeof rows)[number] & { position: PlanningPosition } => isPlanningPosition(r.position));
  const current = entries.filter((e) => e.status !== "removed");
  const [facts, readiness] = await Promise.all([
    listFacts(db, active, term, rules, day),
    readinessOf(db, current.map((e) => ({ entryId: e.id, position: e.position, unitLevel: unit.level, termEndsOn: term.endsOn, user: e.user })), on, catalog),
  ]);
  const threshold = rules.get("planning-vote-threshold");
  return {
    warnings: listWarnings(facts.get(unit.id) ?? [], rules),
    threshold: threshold ?? null,
    procedure,
    entries: entries.map((e) => ({
      ...e,
      readiness: readiness.get(e.id) ?? null,
      standing: e.status === "removed" ? [] : standing(e.id, procedure, steps, thresholdOn),
    })),
    steps,
    reviews,
    cadres,
  };
}
