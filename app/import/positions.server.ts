import { canOnUnit } from "#app/auth/permissions.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { positions, type Position } from "#app/people/positions.ts";
import { headerKey, RowReader } from "./columns.ts";
import { rowAudit, type ChunkResult, type ImportKind } from "./import-kind.ts";
import { peopleNamedBy } from "./people.server.ts";
import { unitOn, unitsByCode } from "./units.server.ts";

const columns = [
  { key: "externalId", header: "Mã cán bộ", example: "CB-0001" },
  { key: "phone", header: "Số điện thoại", example: "0912345678" },
  { key: "position", header: "Chức vụ", required: true, example: "Chi hội trưởng" },
  { key: "unitCode", header: "Mã đơn vị", required: true, example: "31471" },
  { key: "from", header: "Từ ngày", required: true, example: "01/07/2021" },
  { key: "to", header: "Đến ngày", example: "" },
] as const;
type Key = (typeof columns)[number]["key"];

const positionChoices = Object.fromEntries(positions.flatMap((p) => [[headerKey(peopleMessages[`people.position.${p}`]), p], [p, p]])) as Record<string, Position>;

/** Positions held, keyed by person, unit, position and start: a row already recorded changes at most its end date. */
export const positionImport: ImportKind<Key> = {
  permission: "people:manage",
  columns,
  async processChunk(db, rows, context): Promise<ChunkResult> {
    const units = await unitsByCode(db, rows.map((r) => r.values.unitCode), context.roles, "people:manage");
    const personNamed = await peopleNamedBy(db, rows, { id: true, externalId: true, phone: true, unit: { select: { path: true } } });

    const parsed = rows.map(({ row, values }) => {
      const reader = new RowReader(row, columns, values);
      const externalId = reader.text("externalId", 50);
      const phone = reader.phone("phone");
      const from = reader.day("from");
      const to = reader.day("to");
      if (from && to && to <= from) reader.fail("to", { key: "import.error.toBeforeFrom" });
      const unitCode = reader.text("unitCode", 50);
      const unit = unitCode === undefined || !from ? undefined : (unitOn(units.get(unitCode), from, false) ?? reader.fail("unitCode", { key: "import.error.unit", params: { code: unitCode } }));
      const position = reader.choice("position", positionChoices, "Chi hội trưởng, Chủ tịch Hội LHPN, …");
      const person = personNamed(externalId, phone);
      if (externalId === undefined && phone === undefined && reader.raw("phone") === "") reader.fail("externalId", { key: "import.error.key" });
      else if ((externalId || phone) && (!person || !canOnUnit(context.roles, "people:manage", person.unit.path))) reader.fail(externalId ? "externalId" : "phone", { key: "import.error.person" });
      if (person && unit && position && from) reader.unique("position", `${person.id}|${unit.id}|${position}|${from.getTime()}`, context.seen);
      return { reader, holding: person && unit && position && from ? { userId: person.id, unitId: unit.id, position, from, to: to ?? null, unitPath: unit.path } : null };
    });

    const valid = parsed.flatMap((p) => (p.reader.errors.length === 0 && p.holding ? [p.holding] : []));
    const existing = await db.positionHolding.findMany({ where: { userId: { in: [...new Set(valid.map((h) => h.userId))] } }, select: { id: true, userId: true, unitId: true, position: true, from: true, to: true } });
    const keyOf = (h: { userId: string; unitId: string; position: string; from: Date }) => `${h.userId}|${h.unitId}|${h.position}|${h.from.getTime()}`;
    const byKey = new Map(existing.map((h) => [keyOf(h), h]));

    const result: ChunkResult = { errors: parsed.flatMap((p) => p.reader.errors), created: 0, updated: 0, unchanged: 0, audits: [] };
    if (result.errors.length > 0) return result;
    const creates = valid.filter((h) => !byKey.has(keyOf(h)));
    const updates = valid.flatMap((h) => {
      const before = byKey.get(keyOf(h));
      return before && before.to?.getTime() !== h.to?.getTime() ? [{ before, h }] : [];
    });
    result.created = creates.length;
    result.updated = updates.length;
    result.unchanged = valid.length - creates.length - updates.length;
    if (!context.write) return result;

    const audit = rowAudit(context, "position.import", "PositionHolding");
    const created = await db.positionHolding.createManyAndReturn({ data: creates.map(({ unitPath: _, ...h }) => h), select: { id: true, userId: true, unitId: true, position: true, from: true } });
    const createdIds = new Map(created.map((h) => [keyOf(h), h.id]));
    for (const h of creates) result.audits.push(audit(createdIds.get(keyOf(h))!, h.unitPath, null, h));
    for (const { before, h } of updates) {
      await db.positionHolding.update({ where: { id: before.id }, data: { to: h.to }, select: { id: true } });
      result.audits.push(audit(before.id, h.unitPath, { to: before.to }, { to: h.to }));
    }
    return result;
  },
};
