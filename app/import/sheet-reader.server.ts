import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { ImportFileError } from "./file-error.ts";

/** A spreadsheet row as text cells, numbered as the office's spreadsheet shows it (the header is row 1). */
export type SheetRow = { row: number; cells: string[] };

// The rows one import may hold: the 50 000-row budget with room to spare. Empty rows count too, five times
// over, so a file of millions of blank rows stops as well.
export const maxRows = 100_000;
// What the parts of an XLSX may inflate to, in all and against the upload: a zip bomb stops before reading.
const maxInflated = 200 * 2 ** 20;
const maxRatio = 100;

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads the first sheet of an XLSX file or a CSV file row by row, never holding more than a few rows.
 * Every cell comes out as text: a formula is kept as its text (=HYPERLINK(…)) and never evaluated,
 * a number as its digits (so an Excel date cell arrives as its serial number). Whole-file problems
 * (empty, not a spreadsheet, a legacy encoding, an .xls file, too many rows) throw ImportFileError.
 */
export async function* readSheet(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  if (bytes.length === 0) throw new ImportFileError({ key: "import.file.empty" });
  const rows = startsWith(bytes, zipMagic) ? xlsxRows(bytes) : startsWith(bytes, oleMagic) ? refuse("import.file.xls") : csvRows(bytes);
  let count = 0;
  let seen = 0;
  for await (const row of rows) {
    if (++seen > 5 * maxRows) throw new ImportFileError({ key: "import.file.tooManyRows", params: { max: maxRows } });
    if (row.cells.every((c) => c === "")) continue;
    if (++count > maxRows + 1) throw new ImportFileError({ key: "import.file.tooManyRows", params: { max: maxRows } });
    yield row;
  }
  if (count === 0) throw new ImportFileError({ key: "import.file.empty" });
}

function refuse(key: "import.file.xls"): never {
  throw new ImportFileError({ key });
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value || "sharedFormula" in value) return `=${"formula" in value ? value.formula : value.sharedFormula}`;
  if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
  if ("text" in value) return cellText(value.text as CellValue);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * Sums the uncompressed sizes the zip's central directory declares for its parts and refuses a file
 * that would inflate beyond the limits. The stream reader below also stops at the row limits.
 */
export function checkZipSizes(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new ImportFileError({ key: "import.file.brokenXlsx" });
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let entries = view.getUint16(end + 10, true); entries > 0; entries--) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ImportFileError({ key: "import.file.brokenXlsx" });
    total += view.getUint32(at + 24, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (total > maxInflated || total > bytes.length * maxRatio) throw new ImportFileError({ key: "import.file.inflated" });
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  checkZipSizes(bytes);
  // Styles are not read: dates stay serial numbers, which the importer reads as dates where a date is due.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as CellValue[];
        yield { row: row.number, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])) };
      }
      return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError({ key: "import.file.brokenXlsx" });
  }
}

async function* csvRows(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  const head = bytes.subarray(0, 65_536);
  if (head[0] === 0xff || head[0] === 0xfe) throw new ImportFileError({ key: "import.file.encoding" });
  // Text files have no NUL and few control characters; a binary file is not a spreadsheet.
  if (head.some((b) => b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d))) throw new ImportFileError({ key: "import.file.notSpreadsheet" });
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const firstLine = decodeStart(head);
  const delimiter = [";", "\t", ","].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ",");

  async function* text() {
    const chunk = 262_144;
    try {
      for (let at = 0; at < bytes.length; at += chunk) yield decoder.decode(bytes.subarray(at, at + chunk), { stream: at + chunk < bytes.length });
    } catch {
      // TCVN3, VNI and Windows-1258 files are not valid UTF-8: say how to save the file again.
      throw new ImportFileError({ key: "import.file.encoding" });
    }
  }
  // pipeline, not pipe: a decoding error must end the parser too, and reach the loop below.
  const parser = pipeline(Readable.from(text()), parse({ delimiter, relax_column_count: true, bom: true }), () => {});
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record.map((c) => c.trim()) };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError({ key: "import.file.brokenCsv" });
  }
}

function decodeStart(head: Uint8Array) {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head);
  return text.split(/\r?\n/, 1)[0] ?? "";
}
