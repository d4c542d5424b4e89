import { data } from "react-router";
import { hasPermission, scopesFor, type ScopedRole } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";
import { importKindNames, importKinds, rowsReadSoFar, settleInterrupted, type ImportKindName, type ImportSummary } from "./importer.server.ts";

/** The kinds of import this person may run: cadres and positions need people:manage, figures membership:write, planning lists planning:manage. */
export const allowedKinds = (roles: readonly ScopedRole[]) => importKindNames.filter((k) => hasPermission(roles, importKinds[k].permission));

/** The unit an import of this kind is recorded under: the importer's first scope for its permission. */
export const importScope = (roles: readonly ScopedRole[], kind: ImportKindName) => scopesFor(roles, importKinds[kind].permission)[0];

const jobSelect = { id: true, kind: true, fileName: true, status: true, rows: true, processed: true, summary: true, createdAt: true } as const;

/** One of the user's own import jobs; anyone else's is as unknown as a wrong id. */
export async function requireOwnJob(db: Db, userId: string, id: string) {
  await settleInterrupted(db, userId);
  const job = await db.importJob.findFirst({ where: { id, userId }, select: jobSelect });
  if (!job) throw data(null, { status: 404 });
  return { ...job, processed: rowsReadSoFar(job.id) ?? job.processed, kind: job.kind as ImportKindName, summary: job.summary ? (JSON.parse(job.summary) as ImportSummary) : null };
}

export async function recentJobs(db: Db, userId: string) {
  await settleInterrupted(db, userId);
  return db.importJob.findMany({ where: { userId }, select: { id: true, kind: true, fileName: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 10 });
}
