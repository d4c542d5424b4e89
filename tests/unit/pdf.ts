import { inflateSync } from "node:zlib";

/** A PDF's raw text and its inflated streams: pdf-lib compresses page and annotation dictionaries into object streams. */
export function pdfSources(bytes: Uint8Array) {
  const text = Buffer.from(bytes).toString("latin1");
  // A stream ends with an end of line before `endstream`; compressed data may itself end with "\r" (one PDF in
  // about two hundred), so a "\r" there is tried both as the data's and as the end of line's.
  const inflated = (data: string) => {
    try {
      return inflateSync(Buffer.from(data, "latin1")).toString("latin1");
    } catch {
      return null;
    }
  };
  const streams = [...text.matchAll(/stream\r?\n([\s\S]*?)(\r?)\nendstream/g)].map((m) => inflated(m[1]!) ?? inflated(m[1]! + m[2]!) ?? "");
  return [text, ...streams];
}
