import { createHash } from "node:crypto";
import { recordAudit, recordAuditMany } from "#app/audit/audit.server.ts";
import type { ScopedRole } from "#app/auth/permissions.ts";
import { writesWaitForTransactions, type Db, type DbTx } from "#app/db.server.ts";
import { cadreImport } from "./cadres.server.ts";
import { headerKey, type RowError } from "./columns.ts";
import { ImportFileError, type ImportMessage } from "./file-error.ts";
import type { ChunkContext, ImportKind, SheetRecord } from "./import-kind.ts";
import { membershipImport } from "./membership.server.ts";
import { planningImport } from "./planning.server.ts";
import { positionImport } from "./positions.server.ts";
import { readSheet, type SheetRow } from "./sheet-reader.server.ts";

export const importKinds = { cadres: cadreImport, positions: positionImport, membership: membershipImport, planning: planningImport } as const satisfies Record<string, ImportKind>;
export type ImportKindName = keyof typeof importKinds;
export const importKindNames = Object.keys(importKinds) as ImportKindName[];

// Rows checked and written together: one lookup per table per chunk, progress reported after each.
const chunkSize = 500;
// A broken file can have a problem in every row: the page shows this many, and the count of all.
const shownErrors = 1_000;
// Applying is one transaction, given up (and rolled back) after this long, waiting at most maxWait to start.
const applyTransaction = { timeout: 10 * 60_000, maxWait: 60_000 };
// A step still unfinished this long after it began ran in a process that is gone (a crash, a restart): no
// live step lasts that long (a 50,000-row file is checked in 13 s and applied in about a minute).
const interruptedAfter = applyTransaction.timeout + applyTransaction.maxWait + 60_000;

export type ImportSummary = {
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: RowError[];
  fileError: ImportMessage | null;
};

type Job = { id: string; userId: string; unitId: string; kind: string; content: Uint8Array };

/** Stores an uploaded file as a job to check; the check runs in the background (startImportStep). */
export async function createImportJob(db: Db, input: { userId: string; unitId: string; kind: ImportKindName; fileName: string; content: Uint8Array }) {
  return db.importJob.create({
    data: { ...input, content: new Uint8Array(input.content), sha256: createHash("sha256").update(input.content).digest("hex"), status: "checking", startedAt: new Date() },
    select: { id: true },
  });
}

/** Column positions by key, from the header row; a missing required column stops the whole file. */
function headerMap(kind: ImportKind, header: SheetRow) {
  const index = new Map(header.cells.map((text, i) => [headerKey(text), i]));
  const missing = kind.columns.filter((c) => c.required && !index.has(headerKey(c.header)));
  if (missing.length > 0) throw new ImportFileError({ key: "import.file.missingColumns", params: { columns: missing.map((c) => c.header).join(", ") } });
  return (row: SheetRow): SheetRecord<string> => ({
    row: row.row,
    values: Object.fromEntries(kind.columns.map((c) => [c.key, row.cells[index.get(headerKey(c.header)) ?? -1] ?? ""])),
  });
}

/** Reads the file once, chunk by chunk: checks every row and, when writing, applies and audits each chunk. */
async function pass(db: Db | DbTx, job: Job, context: ChunkContext, progress: (processed: number) => Promise<void>) {
  const kind = importKinds[job.kind as ImportKindName];
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, errorCount: 0, errors: [], fileError: null };
  let record: ((row: SheetRow) => SheetRecord<string>) | null = null;
  let chunk: SheetRecord<string>[] = [];
  let processed = 0;
  const flush = async () => {
    const result = await kind.processChunk(db, chunk, context);
    summary.errorCount += result.errors.length;
    summary.errors.push(...result.errors.slice(0, shownErrors - summary.errors.length));
    summary.created += result.created;
    summary.updated += result.updated;
    summary.unchanged += result.unchanged;
    if (context.write) await recordAuditMany(db, result.audits);
    processed += chunk.length;
    chunk = [];
    await progress(processed);
  };
  for await (const row of readSheet(job.content)) {
    if (!record) record = headerMap(kind, row);
    else {
      chunk.push(record(row));
      if (chunk.length === chunkSize) await flush();
    }
  }
  if (chunk.length > 0) await flush();
  if (processed === 0) throw new ImportFileError({ key: "import.file.empty" });
  return { summary, rows: processed };
}

class RowsRefused extends Error {
  constructor(readonly summary: ImportSummary) {
    super("rows refused");
  }
}

async function loadJob(db: Db, jobId: string) {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { id: true, userId: true, unitId: true, kind: true, content: true, rows: true } });
  const roles = await db.roleAssignment.findMany({ where: { userId: job.userId }, select: { role: true, unitId: true, unit: { select: { path: true, name: true } } } });
  const scoped = roles.map((r) => ({ role: r.role, unitId: r.unitId, unitPath: r.unit.path, unitName: r.unit.name })) as ScopedRole[];
  return { job, roles: scoped };
}

const emptySummary = (fileError: ImportMessage): ImportSummary => ({ created: 0, updated: 0, unchanged: 0, errorCount: 0, errors: [], fileError });

// An ended job lets go of its file, which names people: its summary, file name and hash stay for the record.
const ended = (status: "done" | "failed", finishedAt = new Date()) => ({ status, finishedAt, content: new Uint8Array() });

// The rows read so far by this process's steps in flight, by job.
const inFlight = new Map<string, number>();

/** How many rows a step of this process has read so far; undefined when none of its steps runs the job (the database has it). */
export const rowsReadSoFar = (jobId: string) => inFlight.get(jobId);

/**
 * Checks a job's file (status checking → previewed, or failed for a broken file) or applies it
 * (running → done, or failed with nothing changed). Applying is one transaction: every row or none.
 * The importer's roles are read again, so a role withdrawn since the upload counts.
 */
export async function runImportStep(db: Db, jobId: string, step: "check" | "apply") {
  const { job, roles } = await loadJob(db, jobId);
  const context: ChunkContext = { actorId: job.userId, roles, write: step === "apply", seen: new Map(), now: new Date() };
  // Outside the transaction, so the page shows it while the rows are written; but on SQLite that write would wait for
  // the apply's own transaction, so there only this process's memory has it.
  const recorded = step === "check" || !writesWaitForTransactions(db);
  const progress = async (processed: number) => {
    inFlight.set(job.id, processed);
    if (recorded) await db.importJob.update({ where: { id: job.id }, data: { processed }, select: { id: true } });
  };
  const finish = (status: "previewed" | "failed", summary: ImportSummary, rows?: number) =>
    db.importJob.update({
      where: { id: job.id },
      data: { ...(status === "failed" ? ended(status) : { status, finishedAt: new Date() }), summary: JSON.stringify(summary), ...(rows === undefined ? {} : { rows }) },
      select: { id: true },
    });
  try {
    if (step === "check") {
      const { summary, rows } = await pass(db, job, context, progress);
      await finish("previewed", summary, rows);
      return;
    }
    await db.$transaction(
      async (tx) => {
        const { summary, rows } = await pass(tx, job, context, progress);
        if (summary.errorCount > 0) throw new RowsRefused(summary);
        const unitPath = (await tx.orgUnit.findUniqueOrThrow({ where: { id: job.unitId }, select: { path: true } })).path;
        await recordAudit(tx, { actorId: job.userId, action: "import.apply", entity: "ImportJob", entityId: job.id, unitPath, after: { kind: job.kind, rows, created: summary.created, updated: summary.updated, unchanged: summary.unchanged } });
        await tx.importJob.update({ where: { id: job.id }, data: { ...ended("done"), processed: rows, summary: JSON.stringify(summary) }, select: { id: true } });
      },
      applyTransaction,
    );
  } catch (error) {
    if (error instanceof RowsRefused) await finish("failed", error.summary);
    else if (error instanceof ImportFileError) await finish("failed", emptySummary(error.problem));
    else {
      console.error(`import ${job.id} failed`, error);
      await finish("failed", emptySummary({ key: "import.file.failed" }));
    }
  } finally {
    inFlight.delete(job.id);
  }
}

// Steps in flight in this process, so a second click does not start the same step twice.
const running = new Map<string, Promise<void>>();

/** Starts a step in the background; the job page follows it through ImportJob.processed. */
export function startImportStep(db: Db, jobId: string, step: "check" | "apply") {
  if (running.has(jobId)) return running.get(jobId)!;
  // It runs after the request has been answered: a failure is logged, never left to take the process down.
  const run = runImportStep(db, jobId, step)
    .catch((error: unknown) => console.error(`import ${jobId} (${step}) failed:`, error))
    .finally(() => running.delete(jobId));
  running.set(jobId, run);
  return run;
}

/** Moves a previewed job without errors to running; false when it is not in that state (already started, refused). */
export async function claimForApply(db: Db, jobId: string) {
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { status: true, summary: true } });
  const summary = job?.summary ? (JSON.parse(job.summary) as ImportSummary) : null;
  if (job?.status !== "previewed" || !summary || summary.errorCount > 0) return false;
  const { count } = await db.importJob.updateMany({ where: { id: jobId, status: "previewed" }, data: { status: "running", processed: 0, startedAt: new Date() } });
  return count === 1;
}

/**
 * Marks the user's steps cut off by a crash or a restart as failed, so their pages stop waiting for them.
 * Nothing of them was written: a check writes nothing and an application is one transaction.
 */
export async function settleInterrupted(db: Db, userId: string, now = new Date()) {
  const cutOff = { userId, status: { in: ["checking", "running"] }, startedAt: { lt: new Date(now.getTime() - interruptedAfter) } };
  // Read first: the job page reloads itself every 2 s while an apply in another process holds SQLite's write lock,
  // and a write, even of no row, would wait for that lock and fail the page.
  if (!(await db.importJob.findFirst({ where: cutOff, select: { id: true } }))) return;
  await db.importJob.updateMany({ where: cutOff, data: { ...ended("failed", now), summary: JSON.stringify(emptySummary({ key: "import.file.interrupted" })) } });
}
