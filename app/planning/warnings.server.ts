import type { Db } from "#app/db.server.ts";
import { committeeWarningsUnder } from "./committees.server.ts";
import { activeEntries, activeStatuses, listFacts, rulesFor, type PlanningTerm } from "./lists.server.ts";
import { warningKinds, type WarningKind } from "./pipeline.ts";
import { listWarnings, type Warning } from "./rules.ts";

/**
 * Every warning of a subtree's planning for a term at a glance: each list's warnings by the one rule
 * (listWarnings on listFacts, judged by the rules of the day), and the Party committees under the women's
 * share. Each names its unit, so that the page links to the list it concerns.
 */
export async function subtreeWarnings(db: Db, unit: { path: string }, term: PlanningTerm, today: Date) {
  const units = await db.orgUnit.findMany({
    where: { path: { startsWith: unit.path }, planning: { some: { termId: term.id, status: { in: [...activeStatuses] } } } },
    select: { id: true, name: true },
  });
  const [entries, rules, committees] = await Promise.all([activeEntries(db, units.map((u) => u.id), term), rulesFor(db, term, today), committeeWarningsUnder(db, unit, term)]);
  const facts = await listFacts(db, entries, term, rules, today);
  const names = new Map(entries.map((e) => [e.user.id, e.user.name]));
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const lists = [...facts]
    .flatMap(([unitId, list]) => listWarnings(list, rules).map((warning: Warning) => ({ unit: unitOf.get(unitId)!, warning, person: "userId" in warning ? (names.get(warning.userId) ?? "") : null })))
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, "vi"));
  const count = Object.fromEntries(warningKinds.map((k) => [k, k === "committee-women" ? committees.length : lists.filter((l) => l.warning.kind === k).length])) as Record<WarningKind, number>;
  return { lists, committees, count };
}
