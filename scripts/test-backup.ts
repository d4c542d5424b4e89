// `npm run test:backup`: `npm run db:backup` while learners write through the production server, then
// `npm run db:restore` into a fresh place. The restored database must be the database of one moment:
// intact, every key table's count between the counts before and after the backup, every write
// acknowledged before the backup began present, and each quiz attempt with its key (one transaction).
// Flags: --learners N (default 20), --seconds N of load before the backup (default 2), --port N (default 3240), --build.
import "./supported-node.mjs";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createLearners } from "./bench/learners.ts";
import { runWithServer } from "./bench/run.ts";
import { freshDatabase, startServer, type Server } from "./bench/server.ts";
import { buildIfStale } from "./build-if-stale.ts";
import { acknowledged, check, readPlan, signInAll, write, type Write } from "./bench/writers.ts";

const { values: flags } = parseArgs({
  options: {
    learners: { type: "string", default: "20" },
    seconds: { type: "string", default: "2" },
    port: { type: "string", default: process.env.BACKUP_PORT ?? "3240" },
    build: { type: "boolean", default: false },
  },
});
const dir = "data/backup-test";
const databaseUrl = `file:./${dir}/live.db`;
const backupFile = `${dir}/backup.db`;
const restoredUrl = `file:./${dir}/restored.db`;
const tsx = "node_modules/.bin/tsx";

let server: Server | undefined;

const tables = ["user", "enrollment", "lessonProgress", "quizAttempt", "idempotencyKey"] as const;
type Counts = Record<(typeof tables)[number], number>;

async function main() {
  buildIfStale(flags.build);
  freshDatabase(databaseUrl, dir, { demo: false });
  process.env.DATABASE_URL = databaseUrl;
  const { db, createDb } = await import("#app/db.server.ts");
  const counts = async (client: typeof db): Promise<Counts> =>
    Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await (client[t] as unknown as { count(): Promise<number> }).count()]))) as Counts;

  const learners = await createLearners(db, Number(flags.learners));
  server = await startServer(Number(flags.port), databaseUrl);
  const cookies = await signInAll(server.origin, learners);
  const plan = await readPlan(server.origin, cookies.values().next().value!);
  const writes: Write[] = [];
  let running = true;
  const writing = write(server.origin, cookies, plan, () => running, writes);
  await new Promise((r) => setTimeout(r, Number(flags.seconds) * 1000));

  const doneBefore = writes.filter(acknowledged);
  const before = await counts(db);
  const started = performance.now();
  const output = execFileSync(tsx, ["scripts/db-backup.ts", backupFile], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  const backupMs = performance.now() - started;
  const after = await counts(db);
  const duringBackup = writes.filter(acknowledged).length - doneBefore.length;

  const refusal = (() => {
    try {
      execFileSync(tsx, ["scripts/db-restore.ts", backupFile], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
      return null;
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? "").trim();
    }
  })();
  running = false;
  await writing;
  await server.stopAndWait();

  execFileSync(tsx, ["scripts/db-restore.ts", backupFile], { env: { ...process.env, DATABASE_URL: restoredUrl }, stdio: ["ignore", "ignore", "inherit"] });
  const restoredDb = await createDb(restoredUrl);
  const restored = await counts(restoredDb);
  const consistency = await check(restoredDb, doneBefore);
  const orphans = await restoredDb.$queryRawUnsafe<unknown[]>("PRAGMA foreign_key_check");
  await Promise.all([db.$disconnect(), restoredDb.$disconnect()]);

  console.log(`· ${output.trim()} while ${learners.length} learners wrote (${duringBackup} writes acknowledged during the backup)`);
  console.log(`\n${"".padEnd(16)}${"before".padStart(8)}${"restored".padStart(10)}${"after".padStart(8)}`);
  let outside = 0;
  for (const t of tables) {
    const inRange = restored[t] >= before[t] && restored[t] <= after[t];
    if (!inRange) outside++;
    console.log(`${t.padEnd(16)}${String(before[t]).padStart(8)}${String(restored[t]).padStart(10)}${String(after[t]).padStart(8)}${inRange ? "" : "   OUTSIDE"}`);
  }
  console.log(`\nnpm run db:backup took ${Math.round(backupMs)} ms in all · writes acknowledged before it missing ${consistency.lost} (must be 0) · quiz attempts beyond their keys ${consistency.duplicated} (must be 0) · orphan rows ${orphans.length} (must be 0)`);
  console.log(`restore while the server ran: ${refusal ? `refused (${refusal.split("\n")[0]})` : "NOT refused"}`);
  if (outside || consistency.lost || consistency.duplicated || orphans.length || !refusal || doneBefore.length === 0) process.exitCode = 1;
}

await runWithServer("test:backup", main, () => server);
