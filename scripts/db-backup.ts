// `npm run db:backup [file]`: a consistent copy of the database in DATABASE_URL, taken while the app
// serves. Default file: data/backups/lantoa-<UTC time>.db (.dump for PostgreSQL, pg_dump's custom format).
import "./supported-node.mjs";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl, sqliteFilePath } from "#app/db-url.ts";
import { parseEnv } from "#app/env.server.ts";
import { backupPostgres } from "./backup/postgres.ts";
import { backupSqlite } from "./backup/sqlite.ts";

const url = parseEnv(process.env).DATABASE_URL;
const postgres = isPostgresUrl(url);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? `data/backups/lantoa-${stamp}.${postgres ? "dump" : "db"}`);
mkdirSync(path.dirname(target), { recursive: true });

const started = performance.now();
try {
  if (postgres) backupPostgres(url, target);
  else backupSqlite(sqliteFilePath(url), target);
} catch (error) {
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const mb = (statSync(target).size / 1024 / 1024).toFixed(1);
console.log(`backed up to ${path.relative(process.cwd(), target)} (${mb} MB, ${Math.round(performance.now() - started)} ms)`);
