import { inflateSync } from "node:zlib";

/** A PDF's raw text and its inflated streams: pdf-lib compresses page and annotation dictionaries into object streams. */
export function pdfSources(bytes: Uint8Array) {
  const text = Buffer.from(bytes).toString("latin1");
  const streams = [...text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
    } catch {
      return "";
    }
  });
  return [text, ...streams];
}
