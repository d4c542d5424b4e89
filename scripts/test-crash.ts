// `npm run test:crash`: learners write through the production server, the server is killed with
// SIGKILL mid-load and started again on the same database. Every write acknowledged before the kill
// must be in the database; the writes left unanswered are sent again with their keys, as a client
// retries, and must count once. Flags: --learners N (default 20), --seconds N of load before the kill
// (default 3), --port N (default 3230), --build.
import "./supported-node.mjs";
import { parseArgs } from "node:util";
import { createLearners } from "./bench/learners.ts";
import { runWithServer } from "./bench/run.ts";
import { freshDatabase, startServer, type Server } from "./bench/server.ts";
import { buildIfStale } from "./build-if-stale.ts";
import { acknowledged, check, readPlan, send, signInAll, write, type Write } from "./bench/writers.ts";

const { values: flags } = parseArgs({
  options: {
    learners: { type: "string", default: "20" },
    seconds: { type: "string", default: "3" },
    port: { type: "string", default: process.env.CRASH_PORT ?? "3230" },
    build: { type: "boolean", default: false },
  },
});
const databaseDir = "data/crash-test";
const databaseUrl = `file:./${databaseDir}/crash.db`;

let server: Server | undefined;

async function main() {
  buildIfStale(flags.build);
  freshDatabase(databaseUrl, databaseDir, { demo: false });
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("#app/db.server.ts");
  const learners = await createLearners(db, Number(flags.learners));
  server = await startServer(Number(flags.port), databaseUrl);
  const cookies = await signInAll(server.origin, learners);
  const plan = await readPlan(server.origin, cookies.values().next().value!);

  const writes: Write[] = [];
  let killed = false;
  const writing = write(server.origin, cookies, plan, () => !killed, writes);
  await new Promise((r) => setTimeout(r, Number(flags.seconds) * 1000));
  killed = true;
  await server.crash();
  await writing;
  const afterKill = await check(db, writes);
  const unanswered = writes.filter((w) => !acknowledged(w));
  const stored = new Set((await db.idempotencyKey.findMany({ where: { key: { in: unanswered.map((w) => w.key) } }, select: { key: true } })).map((k) => k.key));
  console.log(`· kill -9 after ${flags.seconds} s: ${afterKill.acknowledged} writes acknowledged, ${unanswered.length} in flight (${stored.size} of them committed before the kill)`);

  server = await startServer(Number(flags.port), databaseUrl);
  for (const retry of unanswered) {
    delete retry.status;
    delete retry.failure;
    await send(server.origin, cookies.get(retry.userId)!, retry);
  }
  const refused = unanswered.filter((w) => !acknowledged(w));
  await server.stopAndWait();
  const afterRetry = await check(db, writes);
  await db.$disconnect();

  console.log(`· restarted; ${unanswered.length} resent with their keys: ${unanswered.length - refused.length} acknowledged${refused.length ? `, ${refused.length} refused (first: ${refused[0]!.failure ?? `HTTP ${refused[0]!.status}`})` : ""}`);
  console.log(`\nwrites acknowledged ${afterKill.acknowledged} · lost after kill -9 ${afterKill.lost} (must be 0) · duplicated ${afterKill.duplicated} (must be 0)`);
  console.log(`after the retries: acknowledged ${afterRetry.acknowledged} · lost ${afterRetry.lost} (must be 0) · duplicated ${afterRetry.duplicated} (must be 0)`);
  if (afterKill.lost || afterKill.duplicated || afterRetry.lost || afterRetry.duplicated || refused.length || afterKill.acknowledged === 0) process.exitCode = 1;
}

await runWithServer("test:crash", main, () => server);
