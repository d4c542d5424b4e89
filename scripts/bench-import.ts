// `npm run bench:import`: builds XLSX files of 5 000 and 50 000 cadres, imports each the way the page does
// (check, then apply in one transaction), imports the large one again (nothing may change), and prints
// the time and the peak memory (RSS) of each step. Flags: --rows N (default 50000).
import "./supported-node.mjs";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { freshDatabase } from "./bench/server.ts";

const { values: flags } = parseArgs({ options: { rows: { type: "string", default: "50000" } } });
const rows = Number(flags.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a whole number of at least 1, not ${flags.rows}`);

const dir = "data/bench-import";
const databaseUrl = `file:./${dir}/bench.db`;
const communes = Array.from({ length: 64 }, (_, i) => `BI${String(i + 1).padStart(3, "0")}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A cadre file as offices fill it: every column of the template, dates as text and as Excel date cells. */
async function writeFile(path: string, count: number, prefix: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Dữ liệu");
  sheet.addRow(["Mã cán bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số điện thoại", "Email", "Đảng viên", "Ngày vào Đảng", "Trình độ lý luận chính trị", "Trình độ học vấn", "Mã đơn vị"]).commit();
  const families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Thạch", "Danh", "Lâm"];
  for (let i = 0; i < count; i++) {
    const year = 1960 + (i % 40);
    sheet
      .addRow([
        `${prefix}-${i}`,
        `${families[i % families.length]} Thị Số ${i}`,
        i % 13 === 0 ? "Nam" : "Nữ",
        i % 2 === 0 ? `${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/${year}` : 25_000 + (i % 9_000),
        ["Kinh", "Khmer", "Hoa"][i % 3],
        `0${prefix === "S" ? 8 : 9}${String(i).padStart(8, "0")}`,
        i % 4 === 0 ? `can.bo.${prefix.toLowerCase()}${i}@example.vn` : "",
        i % 3 === 0 ? "Có" : "Không",
        i % 3 === 0 ? "2010-05-19" : "",
        ["Sơ cấp", "Trung cấp", "Cao cấp"][i % 3],
        "12/12",
        communes[i % communes.length],
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function main() {
  freshDatabase(databaseUrl, dir, { demo: false });
  mkdirSync(dir, { recursive: true });
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("#app/db.server.ts");
  const { ensureUnit } = await import("#app/org/unit-tree.server.ts");
  const { claimForApply, createImportJob, runImportStep } = await import("#app/import/importer.server.ts");

  const province = await ensureUnit(db, { code: "BI", name: "Tỉnh Thử", level: "province", kind: "tinh", parent: null });
  for (const code of communes) await ensureUnit(db, { code, name: `Xã ${code}`, level: "commune", kind: "xa", parent: province });
  const organizer = await db.user.create({ data: { name: "Người Nhập", gender: "female", unitId: province.id, roles: { create: { role: "organizer", unitId: province.id } } }, select: { id: true } });

  // Peak RSS per step, and the largest heap still in use after a collection: V8 lets garbage pile up
  // before collecting, so RSS and the raw heap size overstate what an import holds.
  let peak = 0;
  let heap = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
    global.gc?.();
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 1_000);
  const measure = async (label: string, run: () => Promise<void>) => {
    global.gc?.();
    peak = heap = 0;
    sample();
    const started = performance.now();
    await run();
    sample();
    console.log(`${label.padEnd(36)}${`${((performance.now() - started) / 1000).toFixed(1)} s`.padStart(8)}${mb(peak).padStart(10)}${mb(heap).padStart(11)}`);
  };
  const importOnce = async (file: string, label: string) => {
    const content = new Uint8Array(readFileSync(file));
    const job = await createImportJob(db, { userId: organizer.id, unitId: province.id, kind: "cadres", fileName: file, content });
    await measure(`${label}: check`, () => runImportStep(db, job.id, "check"));
    if (!(await claimForApply(db, job.id))) throw new Error(`${label}: the check found problems`);
    await measure(`${label}: apply`, () => runImportStep(db, job.id, "apply"));
    const done = await db.importJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, summary: true } });
    if (done.status !== "done") throw new Error(`${label}: ${done.status} ${done.summary}`);
    return JSON.parse(done.summary!) as { created: number; updated: number; unchanged: number };
  };

  const small = Math.max(1, Math.round(rows / 10));
  console.log(`· writing ${small} and ${rows} rows of cadres as XLSX`);
  await writeFile(`${dir}/small.xlsx`, small, "S");
  await writeFile(`${dir}/large.xlsx`, rows, "L");
  console.log(`  ${mb(statSync(`${dir}/small.xlsx`).size)} and ${mb(statSync(`${dir}/large.xlsx`).size)}\n`);
  console.log(`${"step".padEnd(36)}${"time".padStart(8)}${"peak RSS".padStart(10)}${"live heap".padStart(11)}`);
  await measure("(start)", async () => {});
  const first = await importOnce(`${dir}/small.xlsx`, `${small} rows`);
  const second = await importOnce(`${dir}/large.xlsx`, `${rows} rows`);
  const again = await importOnce(`${dir}/large.xlsx`, `${rows} rows again`);
  clearInterval(sampler);
  console.log(`\ncreated ${first.created} + ${second.created}; the same file again: ${again.unchanged} unchanged, ${again.created + again.updated} changed`);
  const people = await db.user.count({ where: { externalId: { not: null } } });
  await db.$disconnect();
  if (second.created !== rows || again.unchanged !== rows || people !== rows + small) throw new Error("rows went missing or changed on re-import");
}

await main();
