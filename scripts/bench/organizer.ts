// The organizer report (/org) at the top unit of the national-size database of `npm run bench:data`:
// one organizer opening the page again and again, as the response times she sees (p50/p95/p99) and
// the bytes sent (for Chromium's Accept-Encoding: gzip up to 64 KB, brotli above) and the HTML they unpack to.
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { benchOrganizer } from "./national.ts";

export type PageTimes = { requests: number; p50: number; p95: number; p99: number; encodedBytes: number; htmlBytes: number };

export async function signInOrganizer(origin: string) {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ identifier: benchOrganizer.email, password: benchOrganizer.password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("lantoa_session=") && c.length > "lantoa_session=".length);
  if (response.status !== 302 || !cookie) throw new Error(`the bench organizer could not sign in (${response.status}): was the database made by npm run bench:data?`);
  return cookie;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, the body as sent (still compressed), and the time until its last byte. */
function get(url: string, cookie: string): Promise<{ status: number; ms: number; body: Buffer; encoding: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { cookie, accept: "text/html", "accept-encoding": "gzip, deflate, br", "accept-language": "vi-VN,vi;q=0.9" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks), encoding: String(response.headers["content-encoding"] ?? "") }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const unpack = ({ body, encoding }: { body: Buffer; encoding: string }) => (encoding === "br" ? brotliDecompressSync(body) : encoding === "gzip" ? gunzipSync(body) : body);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** `warmup` requests discarded, then `requests` measured one after the other. */
export async function measurePage(url: string, cookie: string, { warmup, requests }: { warmup: number; requests: number }): Promise<PageTimes> {
  const times: number[] = [];
  let last: { body: Buffer; encoding: string } = { body: Buffer.alloc(0), encoding: "" };
  for (let i = 0; i < warmup + requests; i++) {
    const response = await get(url, cookie);
    if (response.status !== 200) throw new Error(`${url}: status ${response.status}`);
    if (i >= warmup) times.push(response.ms);
    last = response;
  }
  times.sort((a, b) => a - b);
  return { requests, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), encodedBytes: last.body.byteLength, htmlBytes: unpack(last).byteLength };
}
