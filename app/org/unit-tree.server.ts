import type { Db, DbTx } from "#app/db.server.ts";
import { unitPath } from "./unit-path.ts";

export type UnitInput = {
  code: string;
  name: string;
  level: string;
  kind: string;
  parent: { id: string; path: string; depth: number } | null;
  validFrom?: Date | null;
  validTo?: Date | null;
};

export type TreeUnit = { id: string; path: string; depth: number };

/** Finds a unit by code, level and parent, or creates it with its materialized path; safe to repeat. */
export async function ensureUnit(db: Db, input: UnitInput): Promise<TreeUnit> {
  const select = { id: true, path: true, depth: true } as const;
  const existing = await db.orgUnit.findFirst({
    where: { code: input.code, level: input.level, parentId: input.parent?.id ?? null },
    select,
  });
  if (existing) return existing;
  return db.$transaction((tx) => insertUnit(tx, input));
}

/** Creates a unit with its materialized path; inside the caller's transaction. */
export async function insertUnit(tx: DbTx, input: UnitInput): Promise<TreeUnit> {
  const created = await tx.orgUnit.create({
    data: {
      code: input.code,
      name: input.name,
      level: input.level,
      kind: input.kind,
      parentId: input.parent?.id ?? null,
      // The id is only known after insert; the placeholder is unique and replaced in the same transaction.
      path: `pending:${crypto.randomUUID()}`,
      depth: (input.parent?.depth ?? -1) + 1,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
    },
    select: { id: true },
  });
  return tx.orgUnit.update({
    where: { id: created.id },
    data: { path: unitPath(input.parent?.path ?? null, created.id) },
    select: { id: true, path: true, depth: true },
  });
}
