import { canOnUnit, type Permission, type ScopedRole } from "#app/auth/permissions.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import { isValidOn } from "#app/org/periods.ts";

export type ImportUnit = { id: string; code: string; path: string; level: string; validFrom: Date | null; validTo: Date | null };

/**
 * The units a file names by code, only those the importer holds `permission` on: a unit outside her
 * scope is as unknown as a code that does not exist. A code can name several units over time (a 2025
 * successor may reuse a predecessor's code): callers pick by day.
 */
export async function unitsByCode(db: Db | DbTx, codes: Iterable<string>, roles: readonly ScopedRole[], permission: Permission) {
  const units = await db.orgUnit.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { id: true, code: true, path: true, level: true, validFrom: true, validTo: true },
    orderBy: { path: "asc" },
  });
  const byCode = new Map<string, ImportUnit[]>();
  for (const unit of units) if (canOnUnit(roles, permission, unit.path)) byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
  return byCode;
}

/** The unit with the code that existed on the day, else (when `strict` is false) the one that existed last. */
export function unitOn(candidates: readonly ImportUnit[] | undefined, day: Date, strict: boolean) {
  const valid = candidates?.find((u) => isValidOn(u, day));
  if (valid || strict) return valid;
  return [...(candidates ?? [])].sort((a, b) => (b.validTo?.getTime() ?? Infinity) - (a.validTo?.getTime() ?? Infinity))[0];
}
