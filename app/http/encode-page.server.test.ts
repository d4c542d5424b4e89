import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, expect, test, vi } from "vitest";
import { encodePage, inlineLimit } from "./encode-page.server.ts";

// Spies on what compresses where: the Sync functions run on the main thread, the others on libuv's pool.
vi.mock("node:zlib", async (original) => {
  const zlib = await original<typeof import("node:zlib")>();
  return { ...zlib, brotliCompress: vi.fn(zlib.brotliCompress), brotliCompressSync: vi.fn(zlib.brotliCompressSync), gzip: vi.fn(zlib.gzip), gzipSync: vi.fn(zlib.gzipSync) };
});
const zlib = await import("node:zlib");
afterEach(() => vi.clearAllMocks());

const pageOf = (paragraphs: number) => Buffer.from(`<!DOCTYPE html><html lang="vi"><body>${"<p>Chi hội trưởng vận động hội viên.</p>".repeat(paragraphs)}</body></html>`);
const page = pageOf(200);
const large = pageOf(2000);
const encode = async (acceptEncoding: string | null, body = page) => {
  const headers = new Headers();
  const request = new Request("http://localhost/", { headers: acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding } });
  return { body: await encodePage(request, body, headers), headers };
};

test("a page up to the inline limit is gzipped where it was rendered when the browser accepts gzip, whatever the order", async () => {
  expect(page.byteLength).toBeLessThanOrEqual(inlineLimit);
  for (const accepted of ["gzip, deflate, br", "br, gzip", "gzip"]) {
    const { body, headers } = await encode(accepted);
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(headers.get("Vary")).toBe("Accept-Encoding");
    expect(body.byteLength).toBeLessThan(page.byteLength / 10);
    expect(gunzipSync(body).equals(page)).toBe(true);
  }
  expect(zlib.gzipSync).toHaveBeenCalledTimes(3);
  expect(zlib.gzip).not.toHaveBeenCalled();
});

test("a larger page is compressed with brotli on the thread pool", async () => {
  expect(large.byteLength).toBeGreaterThan(inlineLimit);
  const { body, headers } = await encode("gzip, deflate, br", large);
  expect(headers.get("Content-Encoding")).toBe("br");
  expect(brotliDecompressSync(body).equals(large)).toBe(true);
  expect(zlib.brotliCompress).toHaveBeenCalledTimes(1);
  expect(zlib.brotliCompressSync).not.toHaveBeenCalled();
});

test("each size takes the other encoding when its first is refused, in the same place", async () => {
  const small = await encode("br, gzip;q=0");
  expect(small.headers.get("Content-Encoding")).toBe("br");
  expect(brotliDecompressSync(small.body).equals(page)).toBe(true);
  expect(zlib.brotliCompressSync).toHaveBeenCalledTimes(1);
  for (const accepted of ["gzip", "br;q=0, gzip", "gzip;q=1, br;q=0.5"]) {
    const { body, headers } = await encode(accepted, large);
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(body).equals(large)).toBe(true);
  }
  expect(zlib.gzip).toHaveBeenCalledTimes(3);
  expect(zlib.gzipSync).not.toHaveBeenCalled();
});

test("no compression without an Accept-Encoding that allows it", async () => {
  for (const body of [page, large])
    for (const accepted of [null, "identity", "br;q=0, gzip;q=0"]) {
      const encoded = await encode(accepted, body);
      expect(encoded.headers.get("Content-Encoding")).toBeNull();
      expect(encoded.body).toBe(body);
    }
});
