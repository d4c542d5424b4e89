import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures.ts";

const header = ["Mã cán bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số điện thoại", "Email", "Đảng viên", "Ngày vào Đảng", "Trình độ lý luận chính trị", "Trình độ học vấn", "Mã đơn vị"];
const dir = mkdtempSync(path.join(tmpdir(), "lantoa-import-"));

/** An XLSX file of cadres with the template's columns, in a temporary folder. */
export async function cadreFile(name: string, rows: ExcelJS.CellValue[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dữ liệu");
  for (const row of [header, ...rows]) sheet.addRow(row);
  const file = path.join(dir, name);
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

/** Uploads a cadre file on /org/import and lands on its job's page. */
export async function upload(page: Page, file: string) {
  await page.goto("/org/import");
  await page.getByLabel("Loại dữ liệu").selectOption({ label: "Cán bộ" });
  await page.getByLabel("Tệp (tối đa 15 MB)").setInputFiles(file);
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page).toHaveURL(/\/org\/import\/\w+$/);
}
