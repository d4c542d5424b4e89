import Negotiator from "negotiator";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions } from "node:zlib";

/** negotiator 0.6.4 ranks equal q-values by a server preference (what the compression middleware uses); its types predate it. */
type PreferringNegotiator = { encoding(available: string[], preferred: string[]): string | undefined };

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Up to this size a page is compressed where it was rendered, with gzip (level 6) first: handing a lesson page
 * (16 KB) to libuv's thread pool cost more CPU than compressing it, and brotli 5 cost twice gzip's CPU for 5 %
 * fewer bytes. With a worker per core that CPU is the limit: 940 lesson pages/s against 640–780 on the pool,
 * measured in turns, and about the same in a single process (`npm run bench`). A larger page (a national
 * report) goes to the pool with brotli 5, so that it holds neither the event loop nor the network for long.
 */
export const inlineLimit = 64 * 1024;

/** Brotli 5, with the page's size as its hint: half the set-up cost of the middleware's stream (sized for 4 MB). */
const brotliOptions = (body: Buffer): BrotliOptions => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } });

export async function encodePage(request: Request, body: Buffer<ArrayBuffer>, headers: Headers): Promise<Buffer<ArrayBuffer>> {
  headers.append("Vary", "Accept-Encoding");
  const inline = body.byteLength <= inlineLimit;
  const encoding = (new Negotiator({ headers: { "accept-encoding": request.headers.get("Accept-Encoding") ?? "" } }) as unknown as PreferringNegotiator).encoding(
    ["br", "gzip", "identity"],
    inline ? ["gzip", "br"] : ["br", "gzip"],
  );
  if (encoding === "br") {
    headers.set("Content-Encoding", "br");
    return (inline ? brotliCompressSync(body, brotliOptions(body)) : await brotliAsync(body, brotliOptions(body))) as Buffer<ArrayBuffer>;
  }
  if (encoding === "gzip") {
    headers.set("Content-Encoding", "gzip");
    return (inline ? gzipSync(body) : await gzipAsync(body)) as Buffer<ArrayBuffer>;
  }
  return body;
}
