import Negotiator from "negotiator";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Compresses a whole rendered page in one synchronous call, with the page's size as brotli's hint:
 * brotli 7 here costs the main thread less than the compression middleware's streaming brotli 5
 * (no stream, no hash tables sized for 4 MB) and sends ~3 % less (`npm run bench`).
 */
export function encodePage(request: Request, body: Buffer<ArrayBuffer>, headers: Headers): Buffer<ArrayBuffer> {
  headers.append("Vary", "Accept-Encoding");
  // What the client accepts (q=0 refused); among those we prefer brotli, as the compression middleware does.
  const accepted = new Negotiator({ headers: { "accept-encoding": request.headers.get("Accept-Encoding") ?? "" } }).encodings(["br", "gzip"]);
  if (accepted.includes("br")) {
    headers.set("Content-Encoding", "br");
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 7, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }) as Buffer<ArrayBuffer>;
  }
  if (accepted.includes("gzip")) {
    headers.set("Content-Encoding", "gzip");
    return gzipSync(body) as Buffer<ArrayBuffer>;
  }
  return body;
}
