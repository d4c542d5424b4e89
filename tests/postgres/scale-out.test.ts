// Two instances of the built app on one PostgreSQL database: a single process (A) and a cluster of two
// workers (B, WEB_CONCURRENCY=2). One learner's session moves between them, and B compiles nothing: the
// shipped lessons come from the build, a course written in the app from the database.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { hashPassword } from "#app/auth/password.server.ts";
import { createDb } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { buildIfStale } from "../../scripts/build-if-stale.ts";
import { startServer, type Server } from "../../scripts/bench/server.ts";

const database = "lantoa_scale_out";
const lesson = "/courses/van-dong-tap-hop-hoi-vien/vi-sao-phai-tap-hop";
const cacheDirs = { a: mkdtempSync(path.join(os.tmpdir(), "lantoa-cache-a-")), b: mkdtempSync(path.join(os.tmpdir(), "lantoa-cache-b-")) };
const password = "Mật-khẩu-thử-1";
const basePort = Number(process.env.SCALE_OUT_PORT ?? 3350);
let a: Server;
let b: Server;

async function freshPostgres() {
  const clusterUrl = execFileSync("bash", ["scripts/start-test-postgres.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${database}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy", "--config", "prisma.postgres.config.ts"], { env, stdio: "pipe" });
  const db = await createDb(url.toString());
  const unit = await ensureUnit(db, { code: "T1", name: "Xã Thử", level: "commune", kind: "xa", parent: null });
  const hash = await hashPassword(password);
  await upsertPerson(db, { name: "Nguyễn Thị Học", email: "hoc@example.vn", gender: "female", unitId: unit.id, roles: [{ role: "learner", unitId: unit.id }] }, { hash });
  await upsertPerson(db, { name: "Trần Thị Soạn", email: "soan@example.vn", gender: "female", unitId: unit.id, roles: [{ role: "trainer", unitId: unit.id }] }, { hash });
  await db.$disconnect();
  return url.toString();
}

beforeAll(async () => {
  buildIfStale(false);
  const databaseUrl = await freshPostgres();
  [a, b] = await Promise.all([
    startServer(basePort, databaseUrl, { WEB_CONCURRENCY: "1", CONTENT_CACHE_DIR: cacheDirs.a }),
    startServer(basePort + 1, databaseUrl, { WEB_CONCURRENCY: "2", CONTENT_CACHE_DIR: cacheDirs.b }),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.stopAndWait(), b?.stopAndWait()]);
  for (const dir of Object.values(cacheDirs)) rmSync(dir, { recursive: true, force: true });
});

async function signIn(server: Server, identifier: string) {
  const response = await fetch(`${server.origin}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ identifier, password }) });
  expect(response.status).toBe(302);
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => /^lantoa_session=./.test(c));
  expect(cookie).toBeDefined();
  return cookie!;
}

const get = (server: Server, pathname: string, cookie: string) => fetch(`${server.origin}${pathname}`, { headers: { cookie }, redirect: "manual" });
const post = (server: Server, pathname: string, cookie: string, form: Record<string, string>) =>
  fetch(`${server.origin}${pathname}`, { method: "POST", headers: { cookie }, body: new URLSearchParams(form), redirect: "manual" });

test("a session started on one instance is honoured, changed and ended on the other", async () => {
  const cookie = await signIn(a, "hoc@example.vn");
  for (let i = 0; i < 4; i++) {
    const page = await get(b, lesson, cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('class="prose"');
  }
  expect((await post(b, lesson, cookie, { intent: "done" })).status).toBeLessThan(400);
  expect(await (await get(a, lesson, cookie)).text()).toContain("badge-done");

  expect((await post(a, "/logout", cookie, {})).status).toBe(302);
  const refused = await get(b, lesson, cookie);
  expect(refused.status).toBe(302);
  expect(refused.headers.get("location")).toMatch(/^\/login/);
});

test("a course published on one instance is served by the other without compiling", async () => {
  const trainer = await signIn(a, "soan@example.vn");
  expect((await post(a, "/author", trainer, { slug: "mo-rong", title: "Khóa học mở rộng" })).status).toBe(302);
  const published = await post(a, "/author/mo-rong", trainer, { intent: "publish" });
  expect(published.status).toBe(200);

  const learner = await signIn(b, "hoc@example.vn");
  // B notices the new version within its catalog's recheck interval (a second).
  await expect
    .poll(async () => (await get(b, "/courses/mo-rong/bai-mo-dau", learner)).status, { timeout: 5_000, interval: 250 })
    .toBe(200);
  expect(await (await get(b, "/courses/mo-rong/bai-mo-dau", learner)).text()).toContain("Bài mở đầu");
  expect((await get(b, lesson, learner)).status).toBe(200);
  expect(readdirSync(cacheDirs.b)).toEqual([]);
});

/** The processes whose parent is `pid`: a cluster primary's workers. */
function childrenOf(pid: number) {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return children ? children.split(" ").map(Number) : [];
}

test("a cluster replaces a worker that dies, and SIGTERM drains every worker before the primary exits", async () => {
  const cookie = await signIn(b, "hoc@example.vn");
  const [victim, survivor] = childrenOf(b.pid);
  expect(survivor).toBeDefined();
  process.kill(victim!, "SIGKILL");
  await expect.poll(() => childrenOf(b.pid).filter((pid) => pid !== victim).length, { timeout: 30_000, interval: 250 }).toBe(2);
  expect((await get(b, lesson, cookie)).status).toBe(200);

  const workers = childrenOf(b.pid);
  expect(await b.stopAndWait()).toBe(0);
  for (const pid of workers) expect(() => process.kill(pid, 0), `worker ${pid} still running`).toThrow();
});
