// Online backup and restore of the SQLite database file.
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

function fsyncPath(p: string) {
  const fd = openSync(p, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `partial`, makes it durable, then gives it its name: a backup file is whole or absent. */
function publish(partial: string, target: string) {
  fsyncPath(partial);
  renameSync(partial, target);
  fsyncPath(path.dirname(target));
}

/**
 * Refuses anything but an intact Lan Tỏa database whose migrations this version knows (a backup
 * from a newer version would be missing what it needs). Returns the migrations it has.
 */
export function checkSqliteBackup(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (() => {
      try {
        return db.pragma("quick_check", { simple: true });
      } catch (error) {
        throw new Error(`${file} is not a SQLite database (${error instanceof Error ? error.message : String(error)})`);
      }
    })();
    if (integrity !== "ok") throw new Error(`${file} is damaged: ${String(integrity)}`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = '_prisma_migrations'").get();
    if (!hasMigrations) throw new Error(`${file} is not a Lan Tỏa database (no _prisma_migrations table)`);
    const applied = db.prepare("select migration_name as name from _prisma_migrations where finished_at is not null").all() as { name: string }[];
    const known = new Set(readdirSync("prisma/migrations"));
    const unknown = applied.filter((m) => !known.has(m.name));
    if (unknown.length) throw new Error(`${file} comes from a newer version of the app (migration ${unknown[0]!.name} is not known here)`);
    return applied.length;
  } finally {
    db.close();
  }
}

/**
 * VACUUM INTO copies the database inside one read transaction, so the copy is the database at one
 * moment; in WAL mode that reader does not hold up the app's writes, which go on while it copies.
 */
export function backupSqlite(file: string, target: string) {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    db.prepare("VACUUM INTO ?").run(partial);
  } finally {
    db.close();
  }
  checkSqliteBackup(partial);
  publish(partial, target);
}

/**
 * Replaces the database file with the backup by one rename, after checking the backup, and keeps the
 * replaced file beside it. Refused while anything has the database open: the app caches what it read.
 */
export function restoreSqlite(backup: string, file: string) {
  checkSqliteBackup(backup);
  let keptAs: string | null = null;
  if (existsSync(file)) {
    const live = new Database(file, { timeout: 0 });
    try {
      live.pragma("locking_mode = EXCLUSIVE");
      live.exec("BEGIN EXCLUSIVE; COMMIT");
    } catch (error) {
      live.close();
      if ((error as { code?: string }).code === "SQLITE_BUSY") throw new Error(`${file} is in use: stop the app before restoring`);
      throw error;
    }
    // Fold the write-ahead log into the file and let closing remove it, so no log of the replaced
    // database is left for SQLite to apply to the restored one.
    live.pragma("wal_checkpoint(TRUNCATE)");
    live.close();
    keptAs = `${file}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    linkSync(file, keptAs);
  }
  const partial = `${file}.restoring`;
  copyFileSync(backup, partial);
  publish(partial, file);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  return { keptAs };
}
