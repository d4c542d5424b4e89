// `npm run bench`: the signed-in lesson page against a static file of the same size, on the built
// production server, plus the lesson page's first-visit transfer, then the lesson page again with the
// server running one worker per core (WEB_CONCURRENCY), and each lesson opened again with a warm cache.
// See the issue's targets below.
// Flags (or env): --duration N (BENCH_DURATION, s, default 10), --warmup N (BENCH_WARMUP, default 3),
// --rounds N (BENCH_ROUNDS, default 3), --connections N (default 10), --port N (BENCH_PORT, default 3200),
// --build (force a rebuild), --no-browser (skip the Chromium measurements), --workers N (the cluster run's
// WEB_CONCURRENCY, default one per core; 0 skips that run).
// Then the organizer report at the top unit of the national-size database that `npm run bench:data` builds
// (BENCH_DATA_URL): --organizer-requests N (default 200, after 20 discarded), --no-organizer to skip it,
// --organizer-only to measure only it.
import "./supported-node.mjs";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import { measure, type LoadResult } from "./bench/load.ts";
import { benchDataUrl } from "./bench/national.ts";
import { measurePage, signInOrganizer, type PageTimes } from "./bench/organizer.ts";
import { freshDatabase, startServer, type Server } from "./bench/server.ts";
import { buildIfStale } from "./build-if-stale.ts";
import { firstVisitByParsing, firstVisitsInBrowser, lessonPaths, repeatVisitsInBrowser, type Resource } from "./bench/transfer.ts";

const TARGET_RATIO = 0.25;
const TARGET_P99_MS = 50;
const TARGET_TRANSFER_KB = 100;
const TARGET_REPEAT_KB = 10;
// With every core in use (on a small machine the load generator included).
const TARGET_CLUSTER_RPS = 1000;
const TARGET_ORGANIZER_P95_MS = 150;

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: process.env.BENCH_DURATION ?? "10" },
    warmup: { type: "string", default: process.env.BENCH_WARMUP ?? "3" },
    rounds: { type: "string", default: process.env.BENCH_ROUNDS ?? "3" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3200" },
    build: { type: "boolean", default: false },
    "no-browser": { type: "boolean", default: false },
    workers: { type: "string", default: String(os.availableParallelism()) },
    "organizer-requests": { type: "string", default: "200" },
    "no-organizer": { type: "boolean", default: false },
    "organizer-only": { type: "boolean", default: false },
  },
});
const load = { duration: Number(flags.duration), warmup: Number(flags.warmup), connections: Number(flags.connections) };
const rounds = Number(flags.rounds);
const workers = Number(flags.workers);
const organizerRequests = Number(flags["organizer-requests"]);
for (const [name, value] of Object.entries({ ...load, rounds, workers, "organizer-requests": organizerRequests }))
  if (!Number.isInteger(value) || value < (name === "warmup" || name === "workers" ? 0 : 1))
    throw new Error(`--${name} must be a whole number${name === "warmup" || name === "workers" ? "" : " of at least 1"}, not ${value}`);

const databaseDir = "data/bench";
const databaseUrl = `file:./${databaseDir}/bench.db`;
const lessonPath = "/courses/van-dong-tap-hop-hoi-vien/vi-sao-phai-tap-hop";
// The least a signed-in page costs here: the session, the site's header and a small form, no other query.
const floorPath = "/account/password";
const lessonSource = "content/courses/van-dong-tap-hop-hoi-vien/01-vi-sao-phai-tap-hop.mdx";
// Served by server.mjs's express.static(build/client), exactly as a file from public/ after a build.
const staticFile = "build/client/bench-static.html";
const staticPath = "/bench-static.html";

// Both targets get the same browser-like headers; only the lesson adds its cookie. Accept-Encoding is
// what Chromium sends, so each is compressed the way this server compresses it for users: the page
// whole by app/http/encode-page.server.ts (gzip 6 up to 64 KB), the file by the compression middleware (brotli 5).
const browserHeaders = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "vi-VN,vi;q=0.9",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
};

let server: Server | undefined;
const cleanup = () => {
  server?.stop();
  rmSync(staticFile, { force: true });
};
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ identifier: "hocvien@lantoa.vn", password: "LanToa@2025" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("lantoa_session=") && c.length > "lantoa_session=".length);
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}, no lantoa_session cookie`);
  return cookie;
}

/**
 * The bench learner is mid-course, like most: she has marked the lesson done and answered its
 * reflection, so the page reads her enrollment, progress and responses, not the empty case.
 */
async function studySomething(lessonUrl: string, cookie: string) {
  const steps: Record<string, string>[] = [{ intent: "done" }, { intent: "reflection", activityId: "ty-le-ap-minh", value: "Ấp có khoảng 420 phụ nữ từ 18 tuổi, 190 hội viên thường xuyên: tỷ lệ tập hợp 45 %." }];
  for (const step of steps) {
    const response = await fetch(lessonUrl, { method: "POST", headers: { cookie }, body: new URLSearchParams(step), redirect: "manual" });
    if (response.status >= 400) throw new Error(`the bench learner could not record ${step.intent} on ${lessonUrl}: ${response.status}`);
  }
}

/** Whether the learner sees the lesson; a lesson locked by lessons she has not done is unlocked by doing them. */
async function opens(lessonUrl: string, cookie: string) {
  const page = async () => (await fetch(lessonUrl, { headers: { cookie } })).text();
  const body = await page();
  if (body.includes('class="prose"')) return true;
  const course = new URL(lessonUrl).pathname.split("/").slice(0, 3).join("/");
  const locked = body.match(/<div class="callout callout-warning" role="status">[\s\S]*?<\/div>/)?.[0] ?? "";
  const prerequisites = [...locked.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((href) => href.startsWith(`${course}/`));
  for (const href of prerequisites) await fetch(new URL(href, lessonUrl), { method: "POST", headers: { cookie }, body: new URLSearchParams({ intent: "done" }) });
  return prerequisites.length > 0 && (await page()).includes('class="prose"');
}

function assertClean(name: string, r: LoadResult) {
  if (r.errors || r.timeouts || r.non2xx || r.requests === 0)
    throw new Error(`${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx of ${r.requests} requests — figures are not valid`);
  return r;
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const mark = (ok: boolean) => (ok ? "PASS" : "FAIL");

function printTransfer(title: string, resources: Resource[]) {
  console.log(`\n${title}`);
  const sorted = [...resources].sort((a, b) => b.bytes - a.bytes);
  for (const r of sorted) console.log(`  ${pad(kb(r.bytes), 7)} KB  ${r.kind.padEnd(10)} ${r.encoding.padEnd(8)} ${r.url}`);
  const total = resources.reduce((sum, r) => sum + r.bytes, 0);
  const kinds = new Map<string, number>();
  for (const r of resources) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + r.bytes);
  const byKind = [...kinds].map(([k, bytes]) => `${k} ${kb(bytes)}`);
  const headers = resources.reduce((sum, r) => sum + (r.headerBytes ?? 0), 0);
  console.log(`  ${pad(kb(total), 7)} KB  total of ${resources.length} responses (${byKind.join(", ")} KB)   target ≤ ${TARGET_TRANSFER_KB} KB  ${mark(total / 1024 <= TARGET_TRANSFER_KB)}`);
  if (headers) console.log(`  (+ ${kb(headers)} KB of response headers, which DevTools' "transferred" also counts)`);
  return total;
}

/** The organizer report at the top unit of the national database, or why it was not measured. */
async function organizerReport(): Promise<{ top: PageTimes; province: PageTimes } | string> {
  const file = benchDataUrl.startsWith("file:") ? benchDataUrl.slice("file:".length) : null;
  if (file && !existsSync(file)) return `not measured: no national database at ${benchDataUrl} (npm run bench:data makes it)`;
  // Migrations newer than the database (an index, say) apply first; the data stays.
  execFileSync("node_modules/.bin/tsx", ["scripts/prisma.ts", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: benchDataUrl }, stdio: ["ignore", "ignore", "inherit"] });
  console.log(`· organizer report on ${benchDataUrl}: ${organizerRequests} requests one after the other, after 20 discarded`);
  server = await startServer(Number(flags.port), benchDataUrl);
  const cookie = await signInOrganizer(server.origin);
  const top = await measurePage(`${server.origin}/org`, cookie, { warmup: 20, requests: organizerRequests });
  // A province: its ~100 communes as rows, a level down.
  const html = await (await fetch(`${server.origin}/org`, { headers: { cookie } })).text();
  const province = html.match(/href="(\/org\?unit=[^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
  if (!province) throw new Error("the organizer report at the top unit links to no unit below it");
  const below = await measurePage(`${server.origin}${province}`, cookie, { warmup: 5, requests: Math.max(20, Math.round(organizerRequests / 4)) });
  await server.stopAndWait();
  server = undefined;
  return { top, province: below };
}

function printOrganizer(result: Awaited<ReturnType<typeof organizerReport>>) {
  if (typeof result === "string") return console.log(`\nOrganizer report: ${result}`);
  console.log(`\nOrganizer report (/org), signed-in organizer of the top unit, one request at a time; load avg ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`${"".padEnd(16)}${pad("p50 ms", 8)}${pad("p95 ms", 8)}${pad("p99 ms", 8)}${pad("sent KB", 10)}${pad("HTML KB", 10)}${pad("requests", 10)}`);
  const line = (name: string, r: PageTimes) =>
    console.log(`${name.padEnd(16)}${pad(r.p50.toFixed(0), 8)}${pad(r.p95.toFixed(0), 8)}${pad(r.p99.toFixed(0), 8)}${pad(kb(r.encodedBytes), 10)}${pad(kb(r.htmlBytes), 10)}${pad(r.requests, 10)}`);
  line("top unit", result.top);
  line("a province", result.province);
  console.log(`\norganizer top p95      ${pad(result.top.p95.toFixed(0), 6)} ms  target ≤ ${TARGET_ORGANIZER_P95_MS} ms  ${mark(result.top.p95 <= TARGET_ORGANIZER_P95_MS)}`);
}

/**
 * What a request costs in CPU, against what the cluster target leaves for one: every core's second shared
 * by the pages served in it, the load generator's share included.
 */
function printCpu(measured: { lesson: LoadResult; stat: LoadResult; floor: LoadResult }[]) {
  const server = (pick: (m: (typeof measured)[number]) => LoadResult) => measured.map(pick).map((r) => r.serverCpuMs);
  if (server((m) => m.lesson).includes(null)) return console.log("\nCPU per request: not measured (no /proc)");
  const ms = (values: (number | null)[]) => median(values as number[]).toFixed(2);
  const generator = (pick: (m: (typeof measured)[number]) => LoadResult) => ms(measured.map(pick).map((r) => r.generatorCpuMs));
  console.log(`\nCPU per request, one server process (all its threads), median of the rounds; the load generator's beside it`);
  console.log(`  lesson page      ${pad(ms(server((m) => m.lesson)), 6)} ms   load generator ${generator((m) => m.lesson)} ms`);
  console.log(`  signed-in floor  ${pad(ms(server((m) => m.floor)), 6)} ms   load generator ${generator((m) => m.floor)} ms   (${floorPath}: the session, the header, a small form)`);
  console.log(`  static file      ${pad(ms(server((m) => m.stat)), 6)} ms   load generator ${generator((m) => m.stat)} ms`);
  const budget = (os.availableParallelism() * 1000) / TARGET_CLUSTER_RPS;
  console.log(`  ${TARGET_CLUSTER_RPS} pages/s on ${os.availableParallelism()} cores leave ${budget.toFixed(2)} ms of CPU per page, server and load generator together`);
}

async function main() {
  const started = new Date();
  buildIfStale(flags.build);
  if (flags["organizer-only"]) return printOrganizer(await organizerReport());
  freshDatabase(databaseUrl, databaseDir);
  server = await startServer(Number(flags.port), databaseUrl);
  const { origin } = server;

  const cookie = await signIn(origin);
  const lessonUrl = `${origin}${lessonPath}`;
  await studySomething(lessonUrl, cookie);
  const title = String(matter(readFileSync(lessonSource, "utf8")).data.title);
  const page = await fetch(lessonUrl, { headers: { cookie }, redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200 || !html.includes(title)) throw new Error(`${lessonPath} is not the signed-in lesson page (status ${page.status}, title ${html.includes(title) ? "found" : "missing"})`);
  writeFileSync(staticFile, html);
  const htmlBytes = Buffer.byteLength(html);

  // Rounds of static file + lesson page, in alternating order: a shared machine's noise hits both sides
  // of a round alike, and the median round is what we report.
  console.log(`· load: ${rounds} rounds of static file, lesson page and ${floorPath}, ${load.connections} connections, ${load.warmup} s warm-up + ${load.duration} s each; headers: ${Object.keys(browserHeaders).join(", ")} (+ cookie for the pages)`);
  const measured: { lesson: LoadResult; stat: LoadResult; floor: LoadResult }[] = [];
  const single = { ...load, serverPid: server.pid };
  for (let round = 0; round < rounds; round++) {
    const runStatic = async () => assertClean("static file", await measure(`${origin}${staticPath}`, browserHeaders, single));
    const runLesson = async () => assertClean("lesson page", await measure(lessonUrl, { ...browserHeaders, cookie }, single));
    const runFloor = async () => assertClean("signed-in floor", await measure(`${origin}${floorPath}`, { ...browserHeaders, cookie }, single));
    if (round % 2 === 0) measured.push({ stat: await runStatic(), lesson: await runLesson(), floor: await runFloor() });
    else measured.push({ floor: await runFloor(), lesson: await runLesson(), stat: await runStatic() });
  }

  const parsed = await firstVisitByParsing(lessonUrl, cookie);
  // Every lesson the learner can open, in Chromium: lessons with a quiz or a scenario load more.
  const openable: string[] = [];
  const blocked: string[] = [];
  for (const path of await lessonPaths(origin, cookie)) {
    if (await opens(`${origin}${path}`, cookie)) openable.push(path);
    else blocked.push(path);
  }
  const visits = flags["no-browser"] ? null : await firstVisitsInBrowser(openable.map((p) => `${origin}${p}`), cookie);
  // The course read in order, each lesson opened with what the lessons before it left in the cache.
  const repeats = flags["no-browser"] ? null : await repeatVisitsInBrowser(openable.map((p) => `${origin}${p}`), cookie);
  await server.stopAndWait();
  server = undefined;

  // The same page from a cluster: the session is a row in the database, so any worker serves it.
  const clustered: LoadResult[] = [];
  const loadBefore = os.loadavg();
  if (workers > 0) {
    console.log(`· lesson page from ${workers} worker processes (WEB_CONCURRENCY=${workers}): ${rounds} rounds`);
    server = await startServer(Number(flags.port), databaseUrl, { WEB_CONCURRENCY: String(workers) });
    for (let round = 0; round < rounds; round++) clustered.push(assertClean("lesson page, cluster", await measure(lessonUrl, { ...browserHeaders, cookie }, load)));
    await server.stopAndWait();
    server = undefined;
  }

  console.log(`\nLan Tỏa bench — ${started.toISOString()}`);
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`server.mjs (NODE_ENV=production), SQLite ${databaseUrl}, ${lessonPath} signed in as hocvien@lantoa.vn`);
  console.log(`static twin: ${staticPath}, ${htmlBytes} bytes = the lesson page's HTML (${htmlBytes} bytes)\n`);
  const row = (name: string, r: Pick<LoadResult, "requestsPerSecond" | "p50" | "p99" | "bytesPerSecond" | "requests"> & { failed: number }) =>
    console.log(`${name.padEnd(16)}${pad(r.requestsPerSecond.toFixed(1), 10)}${pad(r.p50, 8)}${pad(r.p99, 8)}${pad(kb(r.bytesPerSecond), 12)}${pad(r.requests, 10)}${pad(r.failed, 8)}`);
  const failed = (r: LoadResult) => ({ ...r, failed: r.errors + r.non2xx + r.timeouts });
  console.log(`${"".padEnd(16)}${pad("req/s", 10)}${pad("p50 ms", 8)}${pad("p99 ms", 8)}${pad("KB/s", 12)}${pad("requests", 10)}${pad("errors", 8)}`);
  measured.forEach(({ lesson, stat, floor }, i) => {
    row(`lesson page  #${i + 1}`, failed(lesson));
    row(`static file  #${i + 1}`, failed(stat));
    row(`floor page   #${i + 1}`, failed(floor));
  });
  const middle = (pick: (m: (typeof measured)[number]) => LoadResult) => {
    const results = measured.map(pick);
    const of = (key: "requestsPerSecond" | "p50" | "p99" | "bytesPerSecond" | "requests") => median(results.map((r) => r[key]));
    return { requestsPerSecond: of("requestsPerSecond"), p50: of("p50"), p99: of("p99"), bytesPerSecond: of("bytesPerSecond"), requests: of("requests"), failed: 0 };
  };
  const lesson = middle((m) => m.lesson);
  console.log(`${"".padEnd(16)}${"-".repeat(56)}`);
  row("lesson (median)", lesson); // each column's median over the rounds
  row("static (median)", middle((m) => m.stat));
  row("floor (median)", middle((m) => m.floor));
  const ratio = median(measured.map((m) => m.lesson.requestsPerSecond / m.stat.requestsPerSecond));
  console.log(`\nlesson ÷ static req/s  ${pad((ratio * 100).toFixed(1), 6)} %   target ≥ ${TARGET_RATIO * 100} %   ${mark(ratio >= TARGET_RATIO)}   (median of the rounds' ratios)`);
  console.log(`lesson p99             ${pad(lesson.p99, 6)} ms  target ≤ ${TARGET_P99_MS} ms   ${mark(lesson.p99 <= TARGET_P99_MS)}   (median of the rounds)`);
  printCpu(measured);

  if (clustered.length > 0) {
    console.log(`\nLesson page, ${workers} worker processes (one per core: ${os.availableParallelism()}), load generator on the same machine; load avg before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`);
    console.log(`${"".padEnd(16)}${pad("req/s", 10)}${pad("p50 ms", 8)}${pad("p99 ms", 8)}${pad("KB/s", 12)}${pad("requests", 10)}${pad("errors", 8)}`);
    clustered.forEach((r, i) => row(`cluster      #${i + 1}`, failed(r)));
    const of = (key: "requestsPerSecond" | "p50" | "p99" | "bytesPerSecond" | "requests") => median(clustered.map((r) => r[key]));
    const cluster = { requestsPerSecond: of("requestsPerSecond"), p50: of("p50"), p99: of("p99"), bytesPerSecond: of("bytesPerSecond"), requests: of("requests"), failed: 0 };
    console.log(`${"".padEnd(16)}${"-".repeat(56)}`);
    row("cluster (median)", cluster);
    console.log(`\ncluster lesson req/s   ${pad(cluster.requestsPerSecond.toFixed(0), 6)}     target ≥ ${TARGET_CLUSTER_RPS}     ${mark(cluster.requestsPerSecond >= TARGET_CLUSTER_RPS)}   (median of the rounds)`);
    console.log(`cluster lesson p99     ${pad(cluster.p99, 6)} ms  target ≤ ${TARGET_P99_MS} ms   ${mark(cluster.p99 <= TARGET_P99_MS)}   (median of the rounds)`);
  }

  if (!flags["no-organizer"]) printOrganizer(await organizerReport());

  printTransfer("First visit, parsed from the HTML and CSS (compressed body bytes, Accept-Encoding: gzip, deflate, br):", parsed);
  if (!visits) return;
  printTransfer("First visit in Chromium (every response but images, encoded body bytes):", visits.get(lessonUrl)!);
  const totals = [...visits].map(([url, resources]) => ({ path: new URL(url).pathname, bytes: resources.reduce((sum, r) => sum + r.bytes, 0) }));
  totals.sort((a, b) => b.bytes - a.bytes);
  const heaviest = totals[0]!;
  console.log(`\nEvery lesson's first visit in Chromium: ${totals.length} lessons, median ${kb(median(totals.map((t) => t.bytes)))} KB, heaviest ${kb(heaviest.bytes)} KB   target ≤ ${TARGET_TRANSFER_KB} KB  ${mark(heaviest.bytes / 1024 <= TARGET_TRANSFER_KB)}`);
  for (const t of totals.slice(0, 3)) console.log(`  ${pad(kb(t.bytes), 7)} KB  ${t.path}`);
  if (blocked.length) console.log(`  not measured, locked behind another course: ${blocked.join(", ")}`);
  const again = [...repeats!].map(([url, resources]) => ({ path: new URL(url).pathname, bytes: resources.reduce((sum, r) => sum + r.bytes, 0), resources }));
  again.sort((a, b) => b.bytes - a.bytes);
  const heaviestAgain = again[0]!;
  console.log(`\nEvery lesson opened again after the ones before it (a warm cache, a whole page load): ${again.length} lessons, median ${kb(median(again.map((t) => t.bytes)))} KB, heaviest ${kb(heaviestAgain.bytes)} KB   target ≤ ${TARGET_REPEAT_KB} KB  ${mark(heaviestAgain.bytes / 1024 <= TARGET_REPEAT_KB)}`);
  for (const t of again.slice(0, 3)) console.log(`  ${pad(kb(t.bytes), 7)} KB  ${t.path}  (${t.resources.filter((r) => r.bytes > 0).map((r) => `${r.kind} ${kb(r.bytes)}`).join(", ")})`);
}

try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (server) await server.stopAndWait();
  rmSync(staticFile, { force: true });
}
