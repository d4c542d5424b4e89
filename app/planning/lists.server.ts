import type { Db, DbTx } from "#app/db.server.ts";
import { inBatches } from "#app/db-batches.server.ts";
import { policiesOn } from "#app/policy/policy.server.ts";
import { isPlanningPosition, type PlanningPosition } from "./positions.ts";
import { servesWholeTerm } from "./retirement-age.ts";
import { ageOn, judgedOn, planningRuleKeys, type ListEntry, type PlanningRuleKey, type Rules } from "./rules.ts";

export type PlanningTerm = { id: string; key: string; startsOn: Date; endsOn: Date; treeOn: Date };

export const activeStatuses = ["proposed", "approved"] as const;

export function termByKey(db: Db | DbTx, key: string): Promise<PlanningTerm | null> {
  return db.term.findUnique({ where: { key }, select: { id: true, key: true, startsOn: true, endsOn: true, treeOn: true } });
}

export function allTerms(db: Db | DbTx): Promise<PlanningTerm[]> {
  return db.term.findMany({ orderBy: { startsOn: "asc" }, select: { id: true, key: true, startsOn: true, endsOn: true, treeOn: true } });
}

/** The term in force on a day, else the latest that started before it, else the first. */
export function termOn<T extends PlanningTerm>(terms: readonly T[], day: Date): T | undefined {
  const started = terms.filter((t) => t.startsOn.getTime() <= day.getTime());
  return started.find((t) => day.getTime() < t.endsOn.getTime()) ?? started.at(-1) ?? terms[0];
}

/** The planning rules a term's lists are judged by on a day: those in force then, or at the term's end if it has ended. */
export function rulesFor(db: Db | DbTx, term: PlanningTerm, day: Date): Promise<Rules> {
  return policiesOn(db, planningRuleKeys, judgedOn(day, term)) as Promise<Map<PlanningRuleKey, { value: number; source: string }>>;
}

const cadreSelect = { id: true, name: true, gender: true, birthDate: true, birthYear: true, theoryLevel: true, partyMember: true } as const;

/** The active entries (proposed or approved) of the lists of these units for a term, with their cadres and units. */
export function activeEntries(db: Db | DbTx, unitIds: readonly string[], term: PlanningTerm) {
  return inBatches(unitIds, (batch) =>
    db.planningEntry.findMany({
      where: { termId: term.id, unitId: { in: batch }, status: { in: [...activeStatuses] } },
      orderBy: [{ position: "asc" }, { user: { name: "asc" } }],
      select: { id: true, position: true, status: true, unitId: true, user: { select: cadreSelect }, unit: { select: { level: true } } },
    }),
  );
}
export type ActiveEntry = Awaited<ReturnType<typeof activeEntries>>[number];

/**
 * What the rules need of each list's entries (rules.ts listWarnings), by unit. "Young" is under the age the
 * rule sets for the unit's level on the judged day; the positions-per-person count spans every unit of the
 * same level in the term, so a cadre planned in two communes counts both.
 */
export async function listFacts(db: Db | DbTx, entries: readonly ActiveEntry[], term: PlanningTerm, rules: Rules, day: Date) {
  const on = judgedOn(day, term);
  const userIds = [...new Set(entries.map((e) => e.user.id))];
  const elsewhere = await inBatches(userIds, (batch) =>
    db.planningEntry.findMany({
      where: { termId: term.id, userId: { in: batch }, status: { in: [...activeStatuses] } },
      select: { userId: true, unitId: true, position: true, unit: { select: { level: true } } },
    }),
  );
  const positionsAt = new Map<string, Set<string>>();
  for (const e of elsewhere) {
    const key = `${e.userId}:${e.unit.level}`;
    positionsAt.set(key, (positionsAt.get(key) ?? new Set()).add(`${e.unitId}:${e.position}`));
  }
  const byUnit = new Map<string, ListEntry[]>();
  for (const e of entries) {
    if (!isPlanningPosition(e.position)) continue;
    const youngAge = rules.get(`young-age-${e.unit.level}` as PlanningRuleKey)?.value;
    const age = ageOn(e.user, on);
    const fact: ListEntry = {
      entryId: e.id,
      userId: e.user.id,
      position: e.position as PlanningPosition,
      female: e.user.gender === "female",
      young: age === null || youngAge === undefined ? null : age < youngAge,
      servesWholeTerm: servesWholeTerm(e.user, term.endsOn),
      positionsAtLevel: positionsAt.get(`${e.user.id}:${e.unit.level}`)?.size ?? 1,
    };
    byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), fact]);
  }
  return byUnit;
}
