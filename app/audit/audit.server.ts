import type { Db, DbTx } from "#app/db.server.ts";

export type AuditChange = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** The unit the change concerns: organizers read the events of their subtree by this prefix. */
  unitPath: string;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Records a change; call it inside the transaction that makes the change, so neither exists without the other. */
export async function recordAudit(tx: DbTx | Db, change: AuditChange) {
  await tx.auditEvent.create({
    data: { actorId: change.actorId, action: change.action, entity: change.entity, entityId: change.entityId, unitPath: change.unitPath, before: json(change.before), after: json(change.after) },
  });
}

/** Many changes of one import or one bulk action, written in one statement. */
export async function recordAuditMany(tx: DbTx | Db, changes: readonly AuditChange[]) {
  if (changes.length === 0) return;
  await tx.auditEvent.createMany({
    data: changes.map((c) => ({ actorId: c.actorId, action: c.action, entity: c.entity, entityId: c.entityId, unitPath: c.unitPath, before: json(c.before), after: json(c.after) })),
  });
}
