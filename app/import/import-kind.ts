import type { AuditChange } from "#app/audit/audit.server.ts";
import type { Permission, ScopedRole } from "#app/auth/permissions.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import type { Column, RowError } from "./columns.ts";

export type SheetRecord<K extends string> = { row: number; values: Record<K, string> };

export type ChunkContext = {
  actorId: string;
  roles: readonly ScopedRole[];
  /** false while previewing: count what would change, write nothing. */
  write: boolean;
  /** Keys seen in earlier rows of the file, for duplicate checks across chunks. */
  seen: Map<string, number>;
  now: Date;
};

export type ChunkResult = { errors: RowError[]; created: number; updated: number; unchanged: number; audits: AuditChange[] };

/** One kind of import: its columns, who may run it, and how a chunk of rows is checked and applied. */
export type ImportKind<K extends string = string> = {
  permission: Permission;
  columns: readonly (Column & { key: K })[];
  processChunk(db: Db | DbTx, rows: SheetRecord<K>[], context: ChunkContext): Promise<ChunkResult>;
};

/** The audit event of one changed row, with what it was and what it became. */
export const rowAudit =
  (context: ChunkContext, action: string, entity: string) =>
  (entityId: string, unitPath: string, before: object | null, after: object): AuditChange => ({ actorId: context.actorId, action, entity, entityId, unitPath, before, after });
