import type { Db } from "#app/db.server.ts";
import { reportingDay, resolveSources, type Period } from "./periods.ts";

export const historyUnitSelect = { id: true, code: true, name: true, level: true, path: true, validFrom: true, validTo: true } as const;
export type HistoryUnitRow = { id: string; code: string; name: string; level: string; path: string; validFrom: Date | null; validTo: Date | null };

/** Units valid on `date` (validFrom ≤ date < validTo), optionally within a subtree, at some levels or under one parent, by path. */
export function unitsValidOn(db: Db, date: Date, options: { within?: string; levels?: string[]; parentId?: string } = {}): Promise<HistoryUnitRow[]> {
  return db.orgUnit.findMany({
    where: {
      ...(options.within ? { path: { startsWith: options.within } } : {}),
      ...(options.parentId ? { parentId: options.parentId } : {}),
      ...(options.levels ? { level: { in: options.levels } } : {}),
      AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: date } }] }, { OR: [{ validTo: null }, { validTo: { gt: date } }] }],
    },
    select: historyUnitSelect,
    orderBy: { path: "asc" },
  });
}

/** The units of a subtree that answer for a period: valid on its reporting day (30/6 or 31/12). */
export function unitsOfPeriod(db: Db, period: Period, options: { within?: string; levels?: string[] } = {}) {
  return unitsValidOn(db, reportingDay(period), options);
}

/**
 * For each unit (e.g. the communes of Cà Mau valid today, listed for 2019), the units whose figures make
 * it up for `period` (app/org/periods.ts resolveSources): itself when it was valid on the period's
 * reporting day, else its predecessors of then, transitively; none when it has neither. One query per
 * generation of successions.
 */
export function sourcesOfUnits(db: Db, units: readonly HistoryUnitRow[], period: Period) {
  return resolveSources(units, period, async (ids) => {
    const rows = await db.unitSuccession.findMany({ where: { successorId: { in: ids } }, select: { successorId: true, predecessor: { select: historyUnitSelect } } });
    const map = new Map<string, HistoryUnitRow[]>();
    for (const row of rows) map.set(row.successorId, [...(map.get(row.successorId) ?? []), row.predecessor]);
    return map;
  });
}

/** sourcesOfUnits for one unit. */
export async function sourceUnits(db: Db, unit: HistoryUnitRow, period: Period) {
  return (await sourcesOfUnits(db, [unit], period)).get(unit.id)!;
}

/** sourcesOfUnits by id: for each unit id, the ids of the units whose figures make it up for `period`. */
export async function sourceIdsOf(db: Db, ids: readonly string[], period: Period): Promise<Map<string, string[]>> {
  const units = await db.orgUnit.findMany({ where: { id: { in: [...ids] } }, select: historyUnitSelect });
  const sources = await sourcesOfUnits(db, units, period);
  return new Map([...sources].map(([id, found]) => [id, found.map((u) => u.id)]));
}
