import type { Db } from "#app/db.server.ts";

export const unitSelect = { id: true, code: true, name: true, level: true, kind: true, path: true, parentId: true } as const;

export function unitsWithin(db: Db, path: string, levels?: string[]) {
  return db.orgUnit.findMany({
    where: { path: { startsWith: path }, ...(levels ? { level: { in: levels } } : {}) },
    select: unitSelect,
    orderBy: { path: "asc" },
  });
}
