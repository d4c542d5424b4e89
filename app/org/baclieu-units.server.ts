import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "./unit-tree.server.ts";

// Official unit codes of Bạc Liêu before and after the 1 July 2025 reorganisation (NQ 1655/NQ-UBTVQH15).
const dataDir = path.resolve("prisma/data");
export const reorganisedOn = new Date("2025-07-01T00:00:00+07:00");
export const legalBasis = "Nghị quyết 1655/NQ-UBTVQH15";

const kinds: Record<string, string> = {
  "thành phố": "thanh_pho",
  "thị xã": "thi_xa",
  huyện: "huyen",
  xã: "xa",
  phường: "phuong",
  "thị trấn": "thi_tran",
};

const oldRow = z.object({ old_code: z.string().regex(/^\d+$/), name: z.string().min(1), type: z.enum(Object.keys(kinds) as [string, ...string[]]), district: z.string(), new_unit_2025: z.string() });
const newRow = z.object({ new_code: z.string().regex(/^\d+$/), new_name: z.string().min(1), type: z.enum(["xã", "phường"]), "formed_from (old codes/names)": z.string() });

function readCsv<T>(file: string, schema: z.ZodType<T>): T[] {
  const records = parse(readFileSync(path.join(dataDir, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as unknown[];
  return records.map((record, index) => {
    const result = schema.safeParse(record);
    if (!result.success) throw new Error(`${file}:${index + 2}: ${result.error.issues[0]?.message}`);
    return result.data;
  });
}

function districtShortName(name: string) {
  return name.replace(/^Thành phố /, "TP ").replace(/^Thị xã /, "TX ").replace(/^Huyện /, "");
}

type Commune = TreeUnit & { code: string; kind: string; name: string };
export type BacLieuTree = {
  province: TreeUnit;
  districts: TreeUnit[];
  communes: Commune[];
  camau: TreeUnit;
  /** The 25 units of 1 July 2025, each with the old communes it was formed from. */
  successors: { unit: TreeUnit; predecessors: Commune[] }[];
};

/** Imports the 2019–2025 tree (province → 7 districts → 64 communes) and the 2025 successors; idempotent. */
export async function importBacLieuUnits(db: Db): Promise<BacLieuTree> {
  const rows = readCsv("baclieu-units.csv", oldRow);
  const province = await ensureUnit(db, { code: "95", name: "Tỉnh Bạc Liêu", level: "province", kind: "tinh", parent: null, validTo: reorganisedOn });
  const districts = new Map<string, TreeUnit>();
  for (const row of rows.filter((r) => r.district === "")) {
    const unit = await ensureUnit(db, { code: row.old_code, name: row.name, level: "district", kind: kinds[row.type]!, parent: province, validTo: reorganisedOn });
    districts.set(districtShortName(row.name), unit);
  }
  const communes: BacLieuTree["communes"] = [];
  for (const row of rows.filter((r) => r.district !== "")) {
    const parent = districts.get(row.district);
    if (!parent) throw new Error(`baclieu-units.csv: unknown district "${row.district}" for ${row.old_code}`);
    const kind = kinds[row.type]!;
    const unit = await ensureUnit(db, { code: row.old_code, name: row.name, level: "commune", kind, parent, validTo: reorganisedOn });
    communes.push({ ...unit, code: row.old_code, kind, name: row.name });
  }
  return { province, districts: [...districts.values()], communes, ...(await importSuccessors(db, communes)) };
}

async function importSuccessors(db: Db, predecessors: Commune[]) {
  const camau = await ensureUnit(db, { code: "96", name: "Tỉnh Cà Mau", level: "province", kind: "tinh", parent: null, validFrom: reorganisedOn });
  const byCode = new Map(predecessors.map((p) => [p.code, p]));
  const successors: BacLieuTree["successors"] = [];
  for (const row of readCsv("baclieu-units-2025.csv", newRow)) {
    const successor = await ensureUnit(db, { code: row.new_code, name: row.new_name, level: "commune", kind: kinds[row.type]!, parent: camau, validFrom: reorganisedOn });
    successors.push({ unit: successor, predecessors: [] });
    for (const [, code] of row["formed_from (old codes/names)"].matchAll(/\[(\d+)\]/g)) {
      const predecessor = byCode.get(code!);
      if (!predecessor) throw new Error(`baclieu-units-2025.csv: ${row.new_code} formed from unknown unit ${code}`);
      successors.at(-1)!.predecessors.push(predecessor);
      await db.unitSuccession.upsert({
        where: { predecessorId_successorId: { predecessorId: predecessor.id, successorId: successor.id } },
        create: { predecessorId: predecessor.id, successorId: successor.id, effectiveOn: reorganisedOn, legalBasis },
        update: {},
      });
    }
  }
  return { camau, successors };
}
