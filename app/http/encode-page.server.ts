import Negotiator from "negotiator";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";

/** negotiator 0.6.4 ranks equal q-values by a server preference (what the compression middleware uses); its types predate it. */
type PreferringNegotiator = { encoding(available: string[], preferred: string[]): string | undefined };

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Below this a page is compressed on the main thread: handing it to libuv's thread pool and back costs
 * more CPU than compressing it (a 16 KB lesson page: 0.4 ms of CPU through the pool, 0.25 ms inline,
 * `npm run bench`), and on a busy server CPU, not the event loop, is what runs out. Larger pages (the
 * organizer's reports) still go to the pool, so one of them does not hold up the requests behind it.
 */
export const INLINE_LIMIT = 64 * 1024;

/**
 * Compresses a whole rendered page in one call with the page's size as brotli's hint: half the set-up
 * cost of the compression middleware's stream (whose hash tables are sized for 4 MB). Quality 5: 7 saves
 * 3 % more bytes but costs a quarter of the throughput on two cores (`npm run bench`).
 */
export async function encodePage(request: Request, body: Buffer<ArrayBuffer>, headers: Headers): Promise<Buffer<ArrayBuffer>> {
  headers.append("Vary", "Accept-Encoding");
  const encoding = (new Negotiator({ headers: { "accept-encoding": request.headers.get("Accept-Encoding") ?? "" } }) as unknown as PreferringNegotiator).encoding(
    ["br", "gzip", "identity"],
    ["br", "gzip"],
  );
  const inline = body.byteLength <= INLINE_LIMIT;
  if (encoding === "br") {
    headers.set("Content-Encoding", "br");
    const options = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } };
    return (inline ? brotliCompressSync(body, options) : await brotliAsync(body, options)) as Buffer<ArrayBuffer>;
  }
  if (encoding === "gzip") {
    headers.set("Content-Encoding", "gzip");
    return (inline ? gzipSync(body) : await gzipAsync(body)) as Buffer<ArrayBuffer>;
  }
  return body;
}
