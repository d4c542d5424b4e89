import { pageOf } from "#app/http/paging.ts";
import type { Db } from "#app/db.server.ts";

export const auditPageSize = 50;

export type AuditFilter = { action?: string; entity?: string; page: number };

/** The events about `unitPath` and below, newest first, with the name of whoever made each change. */
export async function listAuditEvents(db: Db, unitPath: string, filter: AuditFilter) {
  const where = { unitPath: { startsWith: unitPath }, ...(filter.action ? { action: filter.action } : {}), ...(filter.entity ? { entity: filter.entity } : {}) };
  const total = await db.auditEvent.count({ where });
  const { page, pages, skip } = pageOf(filter.page, total, auditPageSize);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip,
    take: auditPageSize,
    select: { id: true, at: true, actorId: true, action: true, entity: true, entityId: true, before: true, after: true },
  });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]));
  return {
    total,
    page,
    pages,
    events: events.map((e) => ({ ...e, actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null, before: parse(e.before), after: parse(e.after) })),
  };
}

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

/** The actions and entities recorded under `unitPath`, for the filter lists. */
export async function auditVocabulary(db: Db, unitPath: string) {
  const where = { unitPath: { startsWith: unitPath } };
  const [actions, entities] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entity"], where, orderBy: { entity: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entities: entities.map((e) => e.entity) };
}
