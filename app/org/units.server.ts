import { data } from "react-router";
import type { Db } from "#app/db.server.ts";

export const unitSelect = { id: true, code: true, name: true, level: true, kind: true, path: true, parentId: true, validFrom: true, validTo: true } as const;

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
