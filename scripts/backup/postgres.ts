// Online backup and restore of a PostgreSQL database with Debian's pg_dump, pg_restore and psql.
import { execFileSync } from "node:child_process";
import { renameSync, rmSync } from "node:fs";

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** pg_dump reads in one repeatable-read transaction: a snapshot of one moment, taken while the app writes. */
export function backupPostgres(url: string, target: string) {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  run("pg_dump", ["--format=custom", "--no-owner", `--file=${partial}`, `--dbname=${url}`]);
  run("pg_restore", ["--list", partial]);
  renameSync(partial, target);
}

/** Restores in a single transaction (all or nothing), refused while anyone else is connected. */
export function restorePostgres(backup: string, url: string) {
  const listing = run("pg_restore", ["--list", backup]);
  if (!listing.includes("_prisma_migrations")) throw new Error(`${backup} is not a Lan Tỏa backup (no _prisma_migrations table)`);
  const others = Number(run("psql", [`--dbname=${url}`, "-Atc", "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"]).trim());
  if (others > 0) throw new Error(`the database has ${others} other connection(s): stop the app before restoring`);
  run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", `--dbname=${url}`, backup]);
}
