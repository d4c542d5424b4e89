import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { encodePage } from "./encode-page.server.ts";

const page = Buffer.from(`<!DOCTYPE html><html lang="vi"><body>${"<p>Chi hội trưởng vận động hội viên.</p>".repeat(200)}</body></html>`);
const encode = async (acceptEncoding: string | null) => {
  const headers = new Headers();
  const request = new Request("http://localhost/", { headers: acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding } });
  return { body: await encodePage(request, page, headers), headers };
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
