import { data } from "react-router";
import { canOnUnit, type Permission, type ScopedRole } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";

export const unitSelect = { id: true, code: true, name: true, level: true, kind: true, path: true, parentId: true } as const;

export async function requireUnit(db: Db, id: string) {
  const unit = await db.orgUnit.findUnique({ where: { id }, select: unitSelect });
  if (!unit) throw data(null, { status: 404 });
  return unit;
}

export function unitsWithin(db: Db, path: string, levels?: string[]) {
  return db.orgUnit.findMany({
    where: { path: { startsWith: path }, ...(levels ? { level: { in: levels } } : {}) },
    select: unitSelect,
    orderBy: { path: "asc" },
  });
}

/** A unit the user holds `permission` on; an unknown id and one outside her scope get the same 404. */
export async function requireScopedUnit(db: Db, roles: readonly ScopedRole[], permission: Permission, id: string) {
  const unit = await db.orgUnit.findUnique({ where: { id }, select: { ...unitSelect, validFrom: true, validTo: true } });
  if (!unit || !canOnUnit(roles, permission, unit.path)) throw data(null, { status: 404 });
  return unit;
}
