import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { serverNodeArgs } from "../../scripts/server-process.ts";
import { e2eDatabaseUrl } from "../../playwright.config.ts";
import { demo, expect, signIn, test } from "./fixtures.ts";

const slug = "van-dong-tap-hop-hoi-vien";

test("pages hydrate under a Content-Security-Policy whose nonce is on every inline script", async ({ page, freshLearner, courseKey }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const lesson = courseKey(slug).lessons.find((l) => l.scenarios.length > 0)!;
  await signIn(page, freshLearner.login, freshLearner.password);
  const response = (await page.goto(`/courses/${slug}/${lesson.slug}`))!;
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await expect(page.locator('head link[rel="modulepreload"][href*="/assets/scenario-"]')).toHaveCount(1);

  const headers = response.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  const inline = await page.locator("script:not([src])").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(inline.length).toBeGreaterThan(0);
  expect(new Set(inline)).toEqual(new Set([nonce]));
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });
  expect(headers["strict-transport-security"]).toBeUndefined();
  // What a signed-in person sees is kept by no cache; a hashed asset is cached for good.
  expect(headers["cache-control"]).toBe("private, no-store");
  const data = await page.request.get(`/courses/${slug}.data?_routes=routes%2Flearn%2Fcourse`);
  expect(data.headers()["cache-control"]).toBe("private, no-store");
  const asset = await page.locator('head link[rel="modulepreload"]').first().getAttribute("href");
  expect((await page.request.get(asset!)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(violations).toEqual([]);
});

test("a post that is not a form answers 415 with a translated page, not a 500", async ({ request }) => {
  const json = await request.post("/login", { data: { identifier: demo.learner.login }, headers: { Accept: "text/html" } });
  expect(json.status()).toBe(415);
  expect(await json.text()).toContain("Dữ liệu gửi lên không đúng dạng biểu mẫu.");
  const text = await request.post("/login", { data: "identifier=a", headers: { "Content-Type": "text/plain" } });
  expect(text.status()).toBe(415);
});

/** Posts `megabytes` of form body in chunks, without Content-Length; resolves with the status, however much was sent. */
function postChunked(port: number, path: string, megabytes: number) {
  return new Promise<{ status: number; sentMegabytes: number }>((resolve, reject) => {
    let sent = 0;
    const request = http.request({ host: "127.0.0.1", port, path, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } });
    request.on("response", (response) => {
      response.resume();
      resolve({ status: response.statusCode!, sentMegabytes: sent });
      request.destroy();
    });
    request.on("error", reject);
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const write = () => {
      while (sent < megabytes && !request.destroyed) {
        sent += 1;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      if (!request.destroyed) request.end();
    };
    request.write("code=");
    write();
  });
}

test("a form over its limit is refused with 413 before it has all arrived, declared or chunked (60 MB)", async ({ request, baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const chunked = await postChunked(port, "/verify", 60);
  expect(chunked.status).toBe(413);
  expect(chunked.sentMegabytes).toBeLessThan(60);
  const declared = await request.post("/login", { form: { identifier: "a".repeat(70_000), password: "x" } });
  expect(declared.status()).toBe(413);
  expect(await declared.text()).toContain("Nội dung gửi lên quá lớn.");
  expect((await request.get("/login")).status()).toBe(200);
});

test.describe("behind a TLS proxy", () => {
  const proxied = { Origin: "https://lantoa.example", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "lantoa.example" };
  let server: ChildProcess;
  let trustedURL: string;

  test.beforeAll(async () => {
    const port = Number(process.env.E2E_PORT ?? 3100) + 100;
    trustedURL = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, serverNodeArgs, {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: e2eDatabaseUrl, PORT: String(port), TRUST_PROXY: "loopback" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("Lan Tỏa:") && resolve());
      server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
  });
  test.afterAll(() => void server.kill("SIGTERM"));

  test("a proxy named by TRUST_PROXY is believed: the browser's https form posts go through, with a Secure cookie and HSTS", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: trustedURL, extraHTTPHeaders: proxied, maxRedirects: 0 });
    const lookup = await request.post("/verify", { form: { code: "LT-0000-0000" } });
    expect(lookup.status()).toBe(302);
    expect(lookup.headers()["location"]).toBe("/verify/LT-0000-0000");
    expect(lookup.headers()["strict-transport-security"]).toBe("max-age=31536000");
    const login = await request.post("/login", { form: { identifier: demo.learner.login, password: demo.learner.password } });
    expect(login.status()).toBe(302);
    expect(login.headers()["set-cookie"]).toMatch(/lantoa_session=[a-z2-7]+;.*; Secure/);
    await request.dispose();
  });

  test("without TRUST_PROXY the same forwarded headers are ignored", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: proxied, maxRedirects: 0 });
    const lookup = await request.post("/verify", { form: { code: "LT-0000-0000" } });
    expect(lookup.status()).toBe(400);
    expect(lookup.headers()["strict-transport-security"]).toBeUndefined();
    const login = await request.post("/login", { form: { identifier: demo.learner.login, password: demo.learner.password }, headers: { Origin: baseURL! } });
    expect(login.headers()["set-cookie"]).not.toContain("Secure");
    await request.dispose();
  });
});
