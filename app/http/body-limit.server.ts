import { refuse } from "./refuse.server.ts";

/** Ordinary forms: a few fields, quiz answers. */
export const formLimit = 64 * 1024;
/** An MDX file of up to 200 000 characters, whose Vietnamese letters take up to 9 bytes when URL-encoded. */
export const authoringLimit = 2 * 1024 * 1024;
/** A spreadsheet to import (/org/import only): 50 000 rows of cadres are about 5 MB as CSV, less as XLSX. */
export const importLimit = 15 * 1024 * 1024;

/**
 * Reads a body of at most `limit` bytes. A declared Content-Length over the limit is refused before
 * anything is read; a chunked body is counted as it arrives and refused at the first byte too many.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length"));
  if (declared > limit) throw refuse(request, 413, `Content-Length ${declared} over ${limit}`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    // Not cancelled: cancelling destroys the socket before the 413 can be sent.
    if (size > limit) {
      reader.releaseLock();
      throw refuse(request, 413, `body over ${limit} bytes`);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}
