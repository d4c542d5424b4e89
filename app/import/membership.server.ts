import { canReport, membershipFigures, type MembershipFigures } from "#app/membership/report.server.ts";
import { periodParam, reportingDay } from "#app/org/periods.ts";
import { RowReader } from "./columns.ts";
import { rowAudit, type ChunkResult, type ImportKind } from "./import-kind.ts";
import { unitOn, unitsByCode } from "./units.server.ts";

const columns = [
  { key: "unitCode", header: "Mã đơn vị", required: true, example: "31471" },
  { key: "period", header: "Kỳ báo cáo", required: true, example: "2019-H1" },
  { key: "womenAdult", header: "Phụ nữ từ 18 tuổi", required: true, example: "4520" },
  { key: "members", header: "Hội viên", required: true, example: "2380" },
  { key: "joined", header: "Kết nạp mới", example: "95" },
  { key: "left", header: "Ra khỏi Hội", example: "21" },
  { key: "honoraryMembers", header: "Hội viên danh dự", example: "6" },
  { key: "households", header: "Số hộ có phụ nữ từ 18 tuổi", example: "" },
  { key: "householdsWithMember", header: "Số hộ có hội viên", example: "" },
] as const;
type Key = (typeof columns)[number]["key"];
const figureKeys = ["womenAdult", "members", "joined", "left", "honoraryMembers", "households", "householdsWithMember"] as const;
type Figures = Omit<MembershipFigures, "households" | "householdsWithMember"> & { households: number | null; householdsWithMember: number | null };
const formMessages = {
  "membership.error.count": "import.error.number",
  "membership.error.householdsPair": "import.error.householdsPair",
  "membership.error.householdsTooMany": "import.error.householdsTooMany",
} as const;

/**
 * A commune's or branch's figures for a period (the same checks as the entry form), keyed by unit and
 * period; the unit must exist at the period's end, so a 2025 commune cannot be given 2019 figures.
 */
export const membershipImport: ImportKind<Key> = {
  permission: "membership:write",
  columns,
  async processChunk(db, rows, context): Promise<ChunkResult> {
    const units = await unitsByCode(db, rows.map((r) => r.values.unitCode), context.roles, "membership:write");
    const parsed = rows.map(({ row, values }) => {
      const reader = new RowReader(row, columns, values);
      const periodText = reader.text("period", 10);
      const period = periodText === undefined ? undefined : periodParam.safeParse(periodText).data;
      if (periodText !== undefined && !period) reader.fail("period", { key: "import.error.period" });
      const unitCode = reader.text("unitCode", 50);
      const candidates = unitCode === undefined ? undefined : units.get(unitCode);
      if (unitCode !== undefined && !candidates) reader.fail("unitCode", { key: "import.error.unit", params: { code: unitCode } });
      const unit = candidates && period ? unitOn(candidates, reportingDay(period), true) : undefined;
      if (candidates && period && (!unit || !canReport(unit, period))) reader.fail("unitCode", { key: "import.error.unitNotReporting", params: { code: unitCode! } });
      // The entry form's checks, with optional flows read as 0.
      const checked = membershipFigures.safeParse({ ...values, joined: values.joined || "0", left: values.left || "0", honoraryMembers: values.honoraryMembers || "0" });
      for (const issue of checked.error?.issues ?? []) reader.fail(issue.path[0] as Key, { key: formMessages[issue.message as keyof typeof formMessages] });
      const figures: Figures | undefined = checked.data && { ...checked.data, households: checked.data.households ?? null, householdsWithMember: checked.data.householdsWithMember ?? null };
      if (unit && period) reader.unique("unitCode", `${unit.id}|${period.year}|${period.half}`, context.seen);
      return { reader, report: unit && period && figures ? { unitId: unit.id, unitPath: unit.path, year: period.year, half: period.half, ...figures } : null };
    });
    const result: ChunkResult = { errors: parsed.flatMap((p) => p.reader.errors), created: 0, updated: 0, unchanged: 0, audits: [] };
    if (result.errors.length > 0) return result;

    const reports = parsed.map((p) => p.report!);
    const existing = await db.membershipReport.findMany({
      where: { unitId: { in: [...new Set(reports.map((r) => r.unitId))] } },
      select: { id: true, unitId: true, year: true, half: true, ...Object.fromEntries(figureKeys.map((k) => [k, true])) } as { id: true; unitId: true; year: true; half: true } & Record<(typeof figureKeys)[number], true>,
    });
    const keyOf = (r: { unitId: string; year: number; half: number }) => `${r.unitId}|${r.year}|${r.half}`;
    const byKey = new Map(existing.map((r) => [keyOf(r), r]));
    const creates = reports.filter((r) => !byKey.has(keyOf(r)));
    const updates = reports.flatMap((r) => {
      const before = byKey.get(keyOf(r));
      return before && figureKeys.some((k) => before[k] !== r[k]) ? [{ before, r }] : [];
    });
    result.created = creates.length;
    result.updated = updates.length;
    result.unchanged = reports.length - creates.length - updates.length;
    if (!context.write) return result;

    const audit = rowAudit(context, "membership.import", "MembershipReport");
    const created = await db.membershipReport.createManyAndReturn({ data: creates.map(({ unitPath: _, ...r }) => ({ ...r, updatedById: context.actorId })), select: { id: true, unitId: true, year: true, half: true } });
    const createdIds = new Map(created.map((r) => [keyOf(r), r.id]));
    for (const r of creates) result.audits.push(audit(createdIds.get(keyOf(r))!, r.unitPath, null, r));
    for (const { before, r } of updates) {
      const { unitPath, unitId: _u, year: _y, half: _h, ...figures } = r;
      await db.membershipReport.update({ where: { id: before.id }, data: { ...figures, updatedById: context.actorId }, select: { id: true } });
      result.audits.push(audit(before.id, unitPath, before, r));
    }
    return result;
  },
};
