// `npm run db:restore <file>`: replaces the database in DATABASE_URL with a backup from db:backup, after
// checking the file; refused while the app (or anything else) has the database open.
import "./supported-node.mjs";
import { existsSync } from "node:fs";
import { isPostgresUrl, sqliteFilePath } from "#app/db-url.ts";
import { parseEnv } from "#app/env.server.ts";
import { restorePostgres } from "./backup/postgres.ts";
import { restoreSqlite } from "./backup/sqlite.ts";

const url = parseEnv(process.env).DATABASE_URL;
const backup = process.argv[2];
if (!backup || !existsSync(backup)) {
  console.error(`usage: npm run db:restore <file>${backup ? ` (${backup} does not exist)` : ""}`);
  process.exit(2);
}
try {
  if (isPostgresUrl(url)) {
    restorePostgres(backup, url);
    console.log(`restored ${backup} into the PostgreSQL database`);
  } else {
    const { keptAs } = restoreSqlite(backup, sqliteFilePath(url));
    console.log(`restored ${backup} into ${sqliteFilePath(url)}${keptAs ? `; the replaced database is kept as ${keptAs}` : ""}`);
  }
  console.log("`npm start` applies any migrations newer than the backup.");
} catch (error) {
  const stderr = (error as { stderr?: string }).stderr;
  console.error(`db:restore refused: ${error instanceof Error ? error.message : String(error)}${stderr && !String(error).includes(stderr.trim()) ? `\n${stderr}` : ""}`);
  process.exit(1);
}
