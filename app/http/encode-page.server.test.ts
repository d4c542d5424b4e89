import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { INLINE_LIMIT, encodePage } from "./encode-page.server.ts";

const page = Buffer.from(`<!DOCTYPE html><html lang="vi"><body>${"<p>Chi hội trưởng vận động hội viên.</p>".repeat(200)}</body></html>`);
const encode = async (acceptEncoding: string | null, body = page) => {
  const headers = new Headers();
  const request = new Request("http://localhost/", { headers: acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding } });
  return { body: await encodePage(request, body, headers), headers };
};

test("brotli when the browser accepts it, whatever the order; the page decodes to itself", async () => {
  const { body, headers } = await encode("gzip, deflate, br");
  expect(headers.get("Content-Encoding")).toBe("br");
  expect(headers.get("Vary")).toBe("Accept-Encoding");
  expect(body.byteLength).toBeLessThan(page.byteLength / 10);
  expect(brotliDecompressSync(body).equals(page)).toBe(true);
});

test("gzip when brotli is not accepted, refused with q=0 or less wanted", async () => {
  for (const accepted of ["gzip", "br;q=0, gzip", "gzip;q=1, br;q=0.5"]) {
    const { body, headers } = await encode(accepted);
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(body).equals(page)).toBe(true);
  }
});

test("no compression without an Accept-Encoding that allows it", async () => {
  for (const accepted of [null, "identity", "br;q=0, gzip;q=0"]) {
    const { body, headers } = await encode(accepted);
    expect(headers.get("Content-Encoding")).toBeNull();
    expect(body).toBe(page);
  }
});

test("a page too large to compress inline goes through the thread pool and decodes to itself", async () => {
  const report = Buffer.from(`<table>${Array.from({ length: 4_000 }, (_, i) => `<tr><td>Xã ${i}</td><td>${(i * 37) % 101} %</td></tr>`).join("")}</table>`);
  expect(page.byteLength).toBeLessThanOrEqual(INLINE_LIMIT);
  expect(report.byteLength).toBeGreaterThan(INLINE_LIMIT);
  const br = await encode("br", report);
  expect(brotliDecompressSync(br.body).equals(report)).toBe(true);
  const gzip = await encode("gzip", report);
  expect(gunzipSync(gzip.body).equals(report)).toBe(true);
});
