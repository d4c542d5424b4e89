import ExcelJS from "exceljs";
import { importKinds, type ImportKindName } from "./importer.server.ts";

/**
 * The file an office fills in: Vietnamese headers (required ones marked *) and one example row. Every
 * cell is a text cell (format "@"), so Excel keeps leading zeros of phone numbers and codes, and
 * text starting with = + - @ stays text.
 */
export async function importTemplate(kind: ImportKindName) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dữ liệu");
  const columns = importKinds[kind].columns;
  sheet.columns = columns.map((c) => ({ header: `${c.header}${c.required ? " *" : ""}`, key: c.key, width: Math.max(14, c.header.length + 4), style: { numFmt: "@" } }));
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
