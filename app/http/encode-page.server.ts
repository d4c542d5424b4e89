import Negotiator from "negotiator";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses a whole rendered page in one call on libuv's thread pool, with the page's size as brotli's
 * hint: half the set-up cost of the compression middleware's stream (whose hash tables are sized for
 * 4 MB), and the main thread stays free for the next request. Quality 5: 7 saves 3 % more bytes but
 * costs a quarter of the throughput on two cores (`npm run bench`).
 */
export async function encodePage(request: Request, body: Buffer<ArrayBuffer>, headers: Headers): Promise<Buffer<ArrayBuffer>> {
  headers.append("Vary", "Accept-Encoding");
  // What the client accepts (q=0 refused); among those we prefer brotli, as the compression middleware does.
  const accepted = new Negotiator({ headers: { "accept-encoding": request.headers.get("Accept-Encoding") ?? "" } }).encodings(["br", "gzip"]);
  if (accepted.includes("br")) {
    headers.set("Content-Encoding", "br");
    return (await brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })) as Buffer<ArrayBuffer>;
  }
  if (accepted.includes("gzip")) {
    headers.set("Content-Encoding", "gzip");
    return (await gzipAsync(body)) as Buffer<ArrayBuffer>;
  }
  return body;
}
