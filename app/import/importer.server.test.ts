import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { db, sqliteFilePath } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { sqliteOnly } from "#tests/unit/database.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { recentJobs, requireOwnJob } from "./jobs.server.ts";
import { claimForApply, createImportJob, runImportStep, settleInterrupted, type ImportKindName, type ImportSummary } from "./importer.server.ts";

let district: TreeUnit, commune: TreeUnit, branch: TreeUnit, outside: TreeUnit, organizer: string;
const merge = new Date("2025-07-01T00:00:00+07:00");

beforeAll(async () => {
  const province = await ensureUnit(db, { code: "IP", name: "Tỉnh", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "ID", name: "Huyện", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "31471", name: "Xã Một", level: "commune", kind: "xa", parent: district, validTo: merge });
  branch = await ensureUnit(db, { code: "31471-01", name: "Chi hội Ấp Một", level: "branch", kind: "ap", parent: commune, validTo: merge });
  outside = await ensureUnit(db, { code: "99999", name: "Xã Ngoài", level: "commune", kind: "xa", parent: province });
  organizer = await createPersonWithRole(db, "organizer", district);
});

async function xlsx(rows: ExcelJS.CellValue[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Dữ liệu");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const csv = (text: string) => new TextEncoder().encode(text);

/** Uploads and checks a file as the organizer; `apply` also confirms it. */
async function importFile(kind: ImportKindName, content: Uint8Array, { apply = false, userId = organizer } = {}) {
  const job = await createImportJob(db, { userId, unitId: district.id, kind, fileName: "test", content });
  await runImportStep(db, job.id, "check");
  if (apply && (await claimForApply(db, job.id))) await runImportStep(db, job.id, "apply");
  const row = await db.importJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, rows: true, processed: true, summary: true } });
  return { id: job.id, status: row.status, rows: row.rows, processed: row.processed, summary: JSON.parse(row.summary!) as ImportSummary };
}
const problems = (summary: ImportSummary) => summary.errors.map((e) => [e.row, e.column, e.message.key]);

const cadreHeader = ["Mã cán bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số điện thoại", "Email", "Đảng viên", "Ngày vào Đảng", "Trình độ lý luận chính trị", "Trình độ học vấn", "Mã đơn vị"];

describe("cadres", () => {
  const good = [
    cadreHeader,
    ["CB-1", "Thạch Thị Sa Rươl", "Nữ", "15/03/1985", "Khmer", "0911000001", "sa.ruol@example.vn", "Có", "2010-02-03", "Trung cấp", "Đại học", "31471"],
    ["", "Lê Thị Hai", "nữ", 31121, "Kinh", "+84 911 000 002", "", "không", "", "", "", "31471-01"],
    ["CB-3", "Trần Văn Ba", "Nam", "1979", "", "", "", "", "", "Sơ cấp", "", "31471"],
  ];

  test("a valid file is previewed with what would change, then applied in full, audited row by row", async () => {
    const before = await db.user.count();
    const preview = await importFile("cadres", await xlsx(good));
    expect(preview).toMatchObject({ status: "previewed", rows: 3, summary: { created: 3, updated: 0, unchanged: 0, errorCount: 0 } });
    expect(await db.user.count()).toBe(before);

    const done = await importFile("cadres", await xlsx(good), { apply: true });
    expect(done).toMatchObject({ status: "done", processed: 3, summary: { created: 3 } });
    const sa = await db.user.findUniqueOrThrow({ where: { externalId: "CB-1" }, select: { name: true, birthDate: true, birthYear: true, ethnicity: true, partyMember: true, partySince: true, theoryLevel: true, unitId: true, phone: true } });
    expect(sa).toEqual({ name: "Thạch Thị Sa Rươl", birthDate: new Date("1985-03-15T00:00:00+07:00"), birthYear: 1985, ethnicity: "khmer", partyMember: true, partySince: new Date("2010-02-03T00:00:00+07:00"), theoryLevel: "trung_cap", unitId: commune.id, phone: "0911000001" });
    // An Excel date cell (serial 31121) and a phone written +84 …; a year alone is a birth year.
    expect(await db.user.findUniqueOrThrow({ where: { phone: "0911000002" }, select: { birthDate: true, unitId: true } })).toEqual({ birthDate: new Date("1985-03-15T00:00:00+07:00"), unitId: branch.id });
    expect(await db.user.findUniqueOrThrow({ where: { externalId: "CB-3" }, select: { birthYear: true, birthDate: true, gender: true } })).toEqual({ birthYear: 1979, birthDate: null, gender: "male" });
    expect(await db.auditEvent.count({ where: { action: "person.import" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "import.apply", entityId: done.id } })).toBe(1);

    // The same file again: nothing changes, nothing is audited but the import itself.
    const again = await importFile("cadres", await xlsx(good), { apply: true });
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await db.auditEvent.count({ where: { action: "person.import" } })).toBe(3);

    // A changed cell updates that person only, with before and after.
    const changed = good.map((r) => [...r]);
    changed[3]![9] = "Trung cấp";
    expect((await importFile("cadres", await xlsx(changed), { apply: true })).summary).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "person.import", before: { not: null } }, select: { before: true, after: true } });
    expect([JSON.parse(event.before!), JSON.parse(event.after!)]).toEqual([{ theoryLevel: "so_cap" }, { theoryLevel: "trung_cap" }]);
  });

  test("every problem is listed by row, column and message, and nothing is written", async () => {
    const before = await db.user.count();
    const broken = [
      cadreHeader,
      ["CB-10", "", "Nữ", "31/02/1990", "", "0911000010", "", "", "", "", "", "31471"],
      ["CB-10", "Võ Thị Mười", "Nữ", "", "", "12345", "khong-phai-email", "", "", "", "", "31471"],
      ["CB-12", "Võ Thị Mười Hai", "Cái", "", "Kinh", "", "", "", "", "Thạc sĩ", "", "00000"],
      ["CB-13", "Võ Thị Mười Ba", "Nữ", "", "", "", "", "", "", "", "", "99999"],
      ["", "Không Có Mã", "Nữ", "", "", "", "", "", "", "", "", "31471"],
    ];
    const result = await importFile("cadres", await xlsx(broken), { apply: true });
    expect(result.status).toBe("previewed");
    expect(problems(result.summary)).toEqual([
      [2, "Họ và tên", "import.error.required"],
      [2, "Ngày sinh", "import.error.birthDate"],
      [3, "Số điện thoại", "import.error.phone"],
      [3, "Email", "import.error.email"],
      [3, "Mã cán bộ", "import.error.duplicate"],
      [4, "Mã đơn vị", "import.error.unit"],
      [4, "Giới tính", "import.error.choice"],
      [4, "Trình độ lý luận chính trị", "import.error.choice"],
      // A unit outside the importer's scope is refused exactly like one that does not exist.
      [5, "Mã đơn vị", "import.error.unit"],
      [6, "Mã cán bộ", "import.error.key"],
    ]);
    expect(result.summary.errors[8]!.message).toEqual({ key: "import.error.unit", params: { code: "99999" } });
    expect(await db.user.count()).toBe(before);
  });

  test("a conflict found while writing rolls back every row written before it", async () => {
    const rows = [cadreHeader, ...Array.from({ length: 1_500 }, (_, i) => [`RB-${i}`, `Người Thứ ${i}`, "Nữ", "", "", `0922${String(i).padStart(6, "0")}`, "", "", "", "", "", "31471"])];
    const job = await createImportJob(db, { userId: organizer, unitId: district.id, kind: "cadres", fileName: "x", content: await xlsx(rows) });
    await runImportStep(db, job.id, "check");
    // Someone outside the organizer's scope takes the phone of row 1 500 between the preview and the confirmation.
    await db.user.create({ data: { name: "Người Ngoài", gender: "female", unitId: outside.id, phone: "0922001498" } });
    expect(await claimForApply(db, job.id)).toBe(true);
    await runImportStep(db, job.id, "apply");
    const after = await db.importJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, summary: true } });
    expect(after.status).toBe("failed");
    expect(problems(JSON.parse(after.summary!))).toEqual([[1_500, "Số điện thoại", "import.error.taken"]]);
    expect(await db.user.count({ where: { externalId: { startsWith: "RB-" } } })).toBe(0);
  });

  test("her job page follows an apply chunk by chunk, and nobody sees its rows before it commits", async () => {
    const rows = [cadreHeader, ...Array.from({ length: 1_200 }, (_, i) => [`PR-${i}`, `Người Thứ ${i}`, "Nữ", "", "", `0933${String(i).padStart(6, "0")}`, "", "", "", "", "", "31471"])];
    const job = await createImportJob(db, { userId: organizer, unitId: district.id, kind: "cadres", fileName: "x", content: await xlsx(rows) });
    await runImportStep(db, job.id, "check");
    expect(await claimForApply(db, job.id)).toBe(true);
    let applied = false;
    const applying = runImportStep(db, job.id, "apply").finally(() => (applied = true));
    // Reads never wait for the apply's transaction, so this looks in between its chunks of 500 rows (letting the
    // file's stream go on: SQLite's reads answer without I/O, so the loop would otherwise keep the event loop).
    const pages: { status: string; processed: number; people: number }[] = [];
    while (!applied) {
      await new Promise((resolve) => setImmediate(resolve));
      // The rows before the job: a job still running when read after them was not committed when they were counted.
      const people = await db.user.count({ where: { externalId: { startsWith: "PR-" } } });
      const { status, processed } = await requireOwnJob(db, organizer, job.id);
      pages.push({ status, processed, people });
    }
    await applying;
    const running = pages.filter((page) => page.status === "running");
    expect(running.some((page) => page.processed > 0 && page.processed < 1_200)).toBe(true);
    expect(running.every((page) => page.people === 0)).toBe(true);
    expect(await requireOwnJob(db, organizer, job.id)).toMatchObject({ status: "done", processed: 1_200 });
    expect(await db.user.count({ where: { externalId: { startsWith: "PR-" } } })).toBe(1_200);
  });

  test("formula cells and text that looks like one are kept as text, never evaluated", async () => {
    const rows = [cadreHeader, ["F-1", { formula: 'HYPERLINK("http://evil.example","Bấm")', result: "Bấm" }, "Nữ", "", "", "", "", "", "", "", "=1+1", "31471"]];
    expect((await importFile("cadres", await xlsx(rows), { apply: true })).status).toBe("done");
    expect(await db.user.findUniqueOrThrow({ where: { externalId: "F-1" }, select: { name: true, education: true } })).toEqual({ name: '=HYPERLINK("http://evil.example","Bấm")', education: "=1+1" });
    const text = `${cadreHeader.join(",")}\nF-2,"@SUM(A1:A2)",Nữ,,,,,,,,"-2+3",31471\n`;
    expect((await importFile("cadres", csv(text), { apply: true })).status).toBe("done");
    expect(await db.user.findUniqueOrThrow({ where: { externalId: "F-2" }, select: { name: true, education: true } })).toEqual({ name: "@SUM(A1:A2)", education: "-2+3" });
  });
});

describe("bad files", () => {
  const header = cadreHeader.join(",");
  const fileError = async (content: Uint8Array) => {
    const result = await importFile("cadres", content, { apply: true });
    expect(result.status).toBe("failed");
    return result.summary.fileError?.key;
  };

  test("CSV in UTF-8 with or without a BOM, comma or semicolon separated, with dates in every accepted form", async () => {
    const body = `U-1,Đặng Thị Út,Nữ,01/07/1990,,,,,,,,31471\nU-2,Đặng Thị Hai,Nữ,1990-07-01,,,,,,,,31471\nU-3,Đặng Thị Ba,Nữ,33055,,,,,,,,31471\n`;
    expect((await importFile("cadres", csv(`\uFEFF${header}\n${body}`), { apply: true })).summary.created).toBe(3);
    expect((await importFile("cadres", csv(`${header}\n${body}`))).summary.unchanged).toBe(3);
    expect((await importFile("cadres", csv(`${header}\n${body}`.replaceAll(",", ";")))).summary.unchanged).toBe(3);
    const days = await db.user.findMany({ where: { externalId: { in: ["U-1", "U-2", "U-3"] } }, select: { birthDate: true } });
    expect(new Set(days.map((d) => d.birthDate!.getTime()))).toEqual(new Set([new Date("1990-07-01T00:00:00+07:00").getTime()]));
  });

  test("a legacy Vietnamese encoding is refused with how to save as UTF-8", async () => {
    // "Nguyễn Thị" in Windows-1258 (combining tone marks) and in TCVN3 (.VnTime): neither is UTF-8.
    const windows1258 = Uint8Array.from([...csv(`${header}\nW-1,Nguy`), 0xea, 0xde, 0x6e, ...csv(" Th\xec,Nữ,,,,,,,,,31471\n").filter((b) => b < 0x80)]);
    expect(await fileError(windows1258)).toBe("import.file.encoding");
    const tcvn3 = Uint8Array.from([...csv(`${header}\nT-1,Nguy`), 0xd5, 0x6e, 0x20, 0x54, 0x68, 0xdb, ...csv(",Nu,,,,,,,,,31471\n")]);
    expect(await fileError(tcvn3)).toBe("import.file.encoding");
    expect(await db.user.count({ where: { externalId: { in: ["W-1", "T-1"] } } })).toBe(0);
  });

  test("an empty file, a header without rows, missing columns, garbage, a damaged XLSX and an .xls file", async () => {
    expect(await fileError(new Uint8Array())).toBe("import.file.empty");
    expect(await fileError(csv(`${header}\n\n`))).toBe("import.file.empty");
    expect(await fileError(csv("Họ và tên,Giới tính\nA,Nữ\n"))).toBe("import.file.missingColumns");
    const garbage = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    expect(await fileError(garbage)).toBe("import.file.notSpreadsheet");
    const damaged = await xlsx([cadreHeader]);
    expect(await fileError(damaged.slice(0, damaged.length / 2))).toBe("import.file.brokenXlsx");
    expect(await fileError(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe("import.file.xls");
  });

  test("an XLSX that would inflate far beyond its size (a zip bomb) is refused before it is read", async () => {
    const bomb = await xlsx([cadreHeader, ["B-1", "a".repeat(8 * 2 ** 20)]]);
    expect(bomb.length).toBeLessThan(2 ** 20 / 10);
    expect(await fileError(bomb)).toBe("import.file.inflated");
  });
});

describe("positions and membership figures", () => {
  test("positions are keyed by person, unit, position and start; a re-import changes nothing", async () => {
    await importFile("cadres", csv(`${cadreHeader.join(",")}\nP-1,Lâm Thị Bốn,Nữ,,,,,,,,,31471\n`), { apply: true });
    const file = csv("Mã cán bộ,Số điện thoại,Chức vụ,Mã đơn vị,Từ ngày,Đến ngày\nP-1,,Chi hội trưởng,31471-01,01/07/2021,\nP-1,,Chủ tịch Hội LHPN,31471,01/07/2021,30/06/2025\nP-9,,Chi hội phó,31471-01,01/07/2021,\n");
    expect(problems((await importFile("positions", file)).summary)).toEqual([[4, "Mã cán bộ", "import.error.person"]]);
    const fixed = csv(new TextDecoder().decode(file).split("\n").slice(0, 3).join("\n"));
    expect((await importFile("positions", fixed, { apply: true })).summary).toMatchObject({ created: 2 });
    expect((await importFile("positions", fixed, { apply: true })).summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.positionHolding.count({ where: { user: { externalId: "P-1" } } })).toBe(2);
  });

  test("membership figures: the form's checks, units that report at the period's end, re-import unchanged", async () => {
    const head = "Mã đơn vị,Kỳ báo cáo,Phụ nữ từ 18 tuổi,Hội viên,Kết nạp mới,Ra khỏi Hội,Hội viên danh dự,Số hộ có phụ nữ từ 18 tuổi,Số hộ có hội viên\n";
    const bad = csv(`${head}31471,2019-H1,4.520,-5,,,,,\n31471-01,2019-H1,800,500,10,2,1,600,700\nID,2019-H1,9000,5000,,,,,\n31471,2026-H1,4000,2000,,,,,\n31471,2019-Q1,4000,2000,,,,,\n`);
    expect(problems((await importFile("membership", bad)).summary)).toEqual([
      [2, "Hội viên", "import.error.number"],
      [3, "Số hộ có hội viên", "import.error.householdsTooMany"],
      [4, "Mã đơn vị", "import.error.unitNotReporting"],
      [5, "Mã đơn vị", "import.error.unitNotReporting"],
      [6, "Kỳ báo cáo", "import.error.period"],
    ]);
    const good = csv(`${head}31471,2019-H1,4.520,2380,95,21,6,,\n31471-01,2019-H1,800,500,10,2,1,600,480\n`);
    expect((await importFile("membership", good, { apply: true })).summary).toMatchObject({ created: 2 });
    expect(await db.membershipReport.findFirstOrThrow({ where: { unitId: commune.id, year: 2019, half: 1 }, select: { womenAdult: true, members: true, honoraryMembers: true } })).toEqual({ womenAdult: 4_520, members: 2_380, honoraryMembers: 6 });
    expect((await importFile("membership", good, { apply: true })).summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.auditEvent.count({ where: { action: "membership.import" } })).toBe(2);
  });

  test("figures can be imported only by someone who may write them, and only for her units", async () => {
    const learner = await createPersonWithRole(db, "learner", district);
    const head = "Mã đơn vị,Kỳ báo cáo,Phụ nữ từ 18 tuổi,Hội viên\n";
    const result = await importFile("membership", csv(`${head}31471,2020-H1,100,50\n`), { apply: true, userId: learner });
    expect(problems(result.summary)).toEqual([[2, "Mã đơn vị", "import.error.unit"]]);
    expect(await db.membershipReport.count({ where: { unitId: commune.id, year: 2020 } })).toBe(0);
  });
});

describe("planning lists", () => {
  const head = "Mã cán bộ,Số điện thoại,Mã đơn vị,Nhiệm kỳ,Chức danh quy hoạch,Trạng thái,Ngày\n";
  let newCommune: TreeUnit;

  beforeAll(async () => {
    await ensurePlanningDefaults(db);
    newCommune = await ensureUnit(db, { code: "NEWC", name: "Xã Mới", level: "commune", kind: "xa", parent: district, validFrom: merge });
    await db.user.create({ data: { name: "Lý Thị Quy", gender: "female", unitId: commune.id, externalId: "Q-1" } });
    await db.user.create({ data: { name: "Ngoài Phạm Vi", gender: "female", unitId: outside.id, externalId: "O-1" } });
    // Her record stays with a unit outside the organizer's scope, but from 1/7/2025 she leads a commune inside it.
    const leader = await db.user.create({ data: { name: "Danh Thị Mới", gender: "female", unitId: outside.id, phone: "0911000077" } });
    await db.positionHolding.create({ data: { userId: leader.id, unitId: newCommune.id, position: "hoi_chu_tich", from: merge } });
  });

  test("entries are keyed by cadre, unit, term and position, with a dated event and an audit each; a re-import changes nothing", async () => {
    const rows = ["Q-1,,31471,2020-2025,Phó Bí thư Đảng ủy,Đã phê duyệt,15/03/2019", "Q-1,,ID,2020 – 2025,hoi_chu_tich,đề xuất,2019-03-15", ",0911000077,NEWC,2025-2030,Chủ tịch Hội LHPN,Đề xuất,01/03/2024"];
    const file = csv(head + rows.join("\n"));
    const preview = await importFile("planning", file);
    expect(preview.summary).toMatchObject({ created: 3, errorCount: 0 });
    expect(await db.planningEntry.count()).toBe(0);

    expect((await importFile("planning", file, { apply: true })).summary).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const entries = await db.planningEntry.findMany({ select: { position: true, status: true, unit: { select: { code: true } }, term: { select: { key: true } }, events: { select: { on: true, status: true, actorId: true } } }, orderBy: { position: "asc" } });
    expect(entries).toEqual([
      { position: "dang_pho_bi_thu", status: "approved", unit: { code: "31471" }, term: { key: "2020-2025" }, events: [{ on: new Date("2019-03-15T00:00:00+07:00"), status: "approved", actorId: organizer }] },
      { position: "hoi_chu_tich", status: "proposed", unit: { code: "ID" }, term: { key: "2020-2025" }, events: [{ on: new Date("2019-03-15T00:00:00+07:00"), status: "proposed", actorId: organizer }] },
      { position: "hoi_chu_tich", status: "proposed", unit: { code: "NEWC" }, term: { key: "2025-2030" }, events: [{ on: new Date("2024-03-01T00:00:00+07:00"), status: "proposed", actorId: organizer }] },
    ]);
    expect(await db.auditEvent.count({ where: { action: "planning.import" } })).toBe(3);

    expect((await importFile("planning", file, { apply: true })).summary).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await db.planningEvent.count()).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "planning.import" } })).toBe(3);

    // Approved later: the entry changes status, with the day in its history.
    const approved = csv(head + [rows[0], rows[1], ",0911000077,NEWC,2025-2030,Chủ tịch Hội LHPN,Đã phê duyệt,20/06/2024"].join("\n"));
    expect((await importFile("planning", approved, { apply: true })).summary).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const entry = await db.planningEntry.findFirstOrThrow({ where: { unit: { code: "NEWC" } }, select: { status: true, events: { select: { status: true }, orderBy: { on: "asc" } } } });
    expect(entry).toEqual({ status: "approved", events: [{ status: "proposed" }, { status: "approved" }] });
  });

  test("every problem is listed by row and column, and nothing is written", async () => {
    const before = await db.planningEntry.count();
    const rows = [
      "Q-404,,31471,2020-2025,Bí thư Đảng ủy,Đề xuất,01/03/2019",
      "Q-1,,00000,2020-2025,Bí thư Đảng ủy,Đề xuất,01/03/2019",
      "Q-1,,31471,2025-2030,Bí thư Đảng ủy,Đề xuất,01/03/2024",
      "Q-1,,31471-01,2020-2025,Bí thư Đảng ủy,Đề xuất,01/03/2019",
      "Q-1,,31471,2030-2035,Bí thư Đảng ủy,Đề xuất,01/03/2024",
      "Q-1,,31471,2020-2025,Chi hội trưởng,Đề xuất,01/03/2019",
      "Q-1,,31471,2020-2025,Bí thư Đảng ủy,Chờ duyệt,01/03/2019",
      "Q-1,,31471,2020-2025,Ủy viên Ban Chấp hành Đảng bộ,Đề xuất,01/03/2019",
      "Q-1,,31471,2020-2025,dang_uy_vien_ban_chap_hanh,Đã phê duyệt,01/04/2019",
      "O-1,,31471,2020-2025,Bí thư Đảng ủy,Đề xuất,01/03/2019",
      "Q-1,,99999,2020-2025,Bí thư Đảng ủy,Đề xuất,01/03/2019",
      "Q-1,,31471,2020-2025,Phó Bí thư Đảng ủy,Đề xuất,01/03/2099",
    ];
    const result = await importFile("planning", csv(head + rows.join("\n")), { apply: true });
    expect(result.status).toBe("previewed");
    expect(problems(result.summary)).toEqual([
      [2, "Mã cán bộ", "import.error.person"],
      [3, "Mã đơn vị", "import.error.unit"],
      // A commune closed on 1/7/2025 is not on the 2025–2030 tree; a branch has no planning list.
      [4, "Mã đơn vị", "import.error.unitNotOnTree"],
      [5, "Mã đơn vị", "import.error.unitNotOnTree"],
      [6, "Nhiệm kỳ", "import.error.term"],
      [7, "Chức danh quy hoạch", "import.error.planningPosition"],
      [8, "Trạng thái", "import.error.choice"],
      [10, "Chức danh quy hoạch", "import.error.duplicate"],
      // A cadre, like a unit, outside the importer's scope is refused as if unknown.
      [11, "Mã cán bộ", "import.error.person"],
      [12, "Mã đơn vị", "import.error.unit"],
      // A recorded decision has happened.
      [13, "Ngày", "import.error.futureDay"],
    ]);
    expect(result.summary.errors[2]!.message).toEqual({ key: "import.error.unitNotOnTree", params: { code: "31471", term: "2025–2030" } });
    expect(await db.planningEntry.count()).toBe(before);
  });

  test("the template has the planning columns", async () => {
    const { importTemplate } = await import("./template.server.ts");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await importTemplate("planning")).buffer as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, "Mã cán bộ", "Số điện thoại", "Mã đơn vị *", "Nhiệm kỳ *", "Chức danh quy hoạch *", "Trạng thái *", "Ngày *"]);
  });
});

test("an ended job lets go of its file, which names people; a previewed one keeps it for the apply", async () => {
  const rows = [cadreHeader, ["KEPT-1", "Người Trong Tệp", "Nữ", "", "", "", "", "", "", "", "", "31471"]];
  const bytes = async (id: string) => (await db.importJob.findUniqueOrThrow({ where: { id }, select: { content: true } })).content.byteLength;
  const previewed = await importFile("cadres", await xlsx(rows));
  expect(await bytes(previewed.id)).toBeGreaterThan(0);
  const done = await importFile("cadres", await xlsx(rows), { apply: true });
  expect(done.status).toBe("done");
  const refused = await importFile("cadres", await xlsx([cadreHeader]));
  expect(refused.status).toBe("failed");
  for (const id of [done.id, refused.id]) expect(await bytes(id)).toBe(0);
});

describe("a step cut off by a crash or a restart", () => {
  const statusOf = async (id: string) => (await db.importJob.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true } }));
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  test("fails once no live step could still be running, with nothing written; live, finished and others' jobs are left alone", async () => {
    const rows = [cadreHeader, ["CUT-1", "Người Bị Ngắt", "Nữ", "", "", "", "", "", "", "", "", "31471"]];
    const checking = await createImportJob(db, { userId: organizer, unitId: district.id, kind: "cadres", fileName: "x", content: await xlsx(rows) });
    const applying = await createImportJob(db, { userId: organizer, unitId: district.id, kind: "cadres", fileName: "x", content: await xlsx(rows) });
    await runImportStep(db, applying.id, "check");
    expect(await claimForApply(db, applying.id)).toBe(true);
    const previewed = await importFile("cadres", await xlsx(rows));
    const someoneElse = await createPersonWithRole(db, "organizer", district);
    const theirs = await createImportJob(db, { userId: someoneElse, unitId: district.id, kind: "cadres", fileName: "x", content: await xlsx(rows) });

    // The apply transaction may run for 10 minutes after waiting 1 to start: still alive as far as anyone can tell.
    await settleInterrupted(db, organizer, later(11));
    expect((await statusOf(checking.id)).status).toBe("checking");
    expect((await statusOf(applying.id)).status).toBe("running");

    await settleInterrupted(db, organizer, later(13));
    for (const id of [checking.id, applying.id]) {
      const job = await statusOf(id);
      expect(job.status).toBe("failed");
      expect((await db.importJob.findUniqueOrThrow({ where: { id }, select: { content: true } })).content.byteLength).toBe(0);
      expect((JSON.parse(job.summary!) as ImportSummary).fileError).toEqual({ key: "import.file.interrupted" });
    }
    expect((await statusOf(previewed.id)).status).toBe("previewed");
    expect((await statusOf(theirs.id)).status).toBe("checking");
    expect(await db.user.count({ where: { externalId: "CUT-1" } })).toBe(0);
  });

  test("her import pages still answer while another process holds SQLite's write lock (its apply): nothing cut off, nothing written", async (context) => {
    sqliteOnly(context, "the write lock is SQLite's");
    const job = await importFile("cadres", await xlsx([cadreHeader, ["LOCK-1", "Người Chờ Khóa", "Nữ", "", "", "", "", "", "", "", "", "31471"]]));
    const otherProcess = new Database(sqliteFilePath(process.env.DATABASE_URL!));
    otherProcess.exec("BEGIN IMMEDIATE");
    try {
      expect((await requireOwnJob(db, organizer, job.id)).status).toBe("previewed");
      expect((await recentJobs(db, organizer)).map((j) => j.id)).toContain(job.id);
    } finally {
      otherProcess.exec("ROLLBACK");
      otherProcess.close();
    }
  });
});
