import type { Db } from "#app/db.server.ts";

type Validity = { id: string; validFrom: Date | null; validTo: Date | null };

export const validOn = (unit: Pick<Validity, "validFrom" | "validTo">, day: Date) =>
  (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || day < unit.validTo);

/**
 * For each unit, the units whose own figures make up its figures on a given day: itself while it is
 * valid; before it was formed, its predecessors (UnitSuccession), followed back until valid ones, so
 * a commune formed on 1/7/2025 shows the history of the communes it was made from. After a unit
 * closed there is nothing: its later figures belong to its successor.
 */
export async function sourceUnits(db: Db, unitIds: readonly string[], day: Date): Promise<Map<string, string[]>> {
  const units = new Map<string, Validity>();
  const predecessors = new Map<string, string[]>();
  const load = async (ids: string[]) => {
    const missing = [...new Set(ids)].filter((id) => !units.has(id));
    if (missing.length === 0) return;
    const [rows, links] = await Promise.all([
      db.orgUnit.findMany({ where: { id: { in: missing } }, select: { id: true, validFrom: true, validTo: true } }),
      db.unitSuccession.findMany({ where: { successorId: { in: missing } }, select: { predecessorId: true, successorId: true } }),
    ]);
    for (const row of rows) units.set(row.id, row);
    for (const link of links) predecessors.set(link.successorId, [...(predecessors.get(link.successorId) ?? []), link.predecessorId]);
  };

  const result = new Map(unitIds.map((id) => [id, [] as string[]]));
  // Each round looks one merge further back, for every unit at once: one query pair per round.
  let frontier = unitIds.map((root) => ({ root, id: root, trail: new Set([root]) }));
  while (frontier.length > 0) {
    await load(frontier.map((f) => f.id));
    const next: typeof frontier = [];
    for (const { root, id, trail } of frontier) {
      const unit = units.get(id);
      if (!unit) continue;
      if (validOn(unit, day)) result.get(root)!.push(id);
      else if (unit.validFrom !== null && day < unit.validFrom)
        for (const p of predecessors.get(id) ?? []) if (!trail.has(p)) next.push({ root, id: p, trail: new Set([...trail, p]) });
    }
    frontier = next;
  }
  return result;
}
