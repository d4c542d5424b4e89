// `npm run bench:write`: learners marking lessons done and sending quizzes through real form posts on
// the built production server, all at once; then every acknowledged write is looked up in the database.
// Flags: --learners N (default 200), --seconds N (default 10), --port N (BENCH_PORT, default 3210),
// --no-demo (only the courses, not the ~650 demo cadres: faster to set up, for CI), --build (force a rebuild).
import "./supported-node.mjs";
import { parseArgs } from "node:util";
import { createLearners } from "./bench/learners.ts";
import { runWithServer } from "./bench/run.ts";
import { freshDatabase, startServer, type Server } from "./bench/server.ts";
import { buildIfStale } from "./build-if-stale.ts";
import { acknowledged, check, percentile, readPlan, signInAll, write, type Write } from "./bench/writers.ts";

const { values: flags } = parseArgs({
  options: {
    learners: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3210" },
    "no-demo": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
  },
});
const learnerCount = Number(flags.learners);
const seconds = Number(flags.seconds);
if (!Number.isInteger(learnerCount) || learnerCount < 1) throw new Error(`--learners must be a whole number of at least 1, not ${flags.learners}`);
if (!(seconds > 0)) throw new Error(`--seconds must be more than 0, not ${flags.seconds}`);

const databaseDir = "data/bench-write";
const databaseUrl = `file:./${databaseDir}/bench.db`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

let server: Server | undefined;

async function main() {
  buildIfStale(flags.build);
  freshDatabase(databaseUrl, databaseDir, { demo: !flags["no-demo"] });
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("#app/db.server.ts");
  const learners = await createLearners(db, learnerCount);
  server = await startServer(Number(flags.port), databaseUrl);
  console.log(`· signing in ${learners.length} learners`);
  const cookies = await signInAll(server.origin, learners);
  const plan = await readPlan(server.origin, cookies.values().next().value!);

  console.log(`· ${learners.length} learners writing for ${seconds} s (${plan.lessons.length} lessons marked done in turn, the quiz at ${plan.quizPath})`);
  const writes: Write[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await write(server.origin, cookies, plan, () => performance.now() < deadline, writes);
  const elapsed = (performance.now() - started) / 1000;
  await server.stopAndWait();

  const ok = writes.filter(acknowledged);
  const errors = writes.length - ok.length;
  const latencies = ok.map((w) => w.ms!);
  const result = await check(db, writes);
  await db.$disconnect();
  const byIntent = (intent: Write["intent"]) => ok.filter((w) => w.intent === intent).length;

  console.log(`\n${"".padEnd(26)}${pad("writes", 8)}${pad("writes/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("errors", 8)}`);
  console.log(`${`${learners.length} learners, ${elapsed.toFixed(1)} s`.padEnd(26)}${pad(ok.length, 8)}${pad((ok.length / elapsed).toFixed(0), 10)}${pad(percentile(latencies, 50).toFixed(0), 9)}${pad(percentile(latencies, 99).toFixed(0), 9)}${pad(errors, 8)}`);
  console.log(`  lessons marked done ${byIntent("done")}, quizzes sent ${byIntent("quiz")}`);
  const firstError = writes.find((w) => !acknowledged(w));
  if (firstError) console.log(`  first error: ${firstError.failure ?? `HTTP ${firstError.status}`} on ${firstError.intent} ${firstError.path}`);
  console.log(`\nacknowledged ${result.acknowledged} · lost ${result.lost} (must be 0) · counted twice ${result.duplicated} (must be 0) · errors ${errors} (must be 0)`);
  if (errors || result.lost || result.duplicated) process.exitCode = 1;
}

await runWithServer("bench:write", main, () => server);
