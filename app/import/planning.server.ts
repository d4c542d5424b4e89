import { peopleMessages } from "#app/i18n/vi/people.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import { plannableWhere } from "#app/planning/eligibility.ts";
import { allTerms, type PlanningTerm } from "#app/planning/lists.server.ts";
import { isPlanningLevel, planningPositionKeys, type PlanningPosition } from "#app/planning/positions.ts";
import { termName } from "#app/planning/terms.ts";
import { headerKey, RowReader } from "./columns.ts";
import { rowAudit, type ChunkResult, type ImportKind } from "./import-kind.ts";
import { peopleNamedBy } from "./people.server.ts";
import { unitOn, unitsByCode } from "./units.server.ts";

const columns = [
  { key: "externalId", header: "Mã cán bộ", example: "CB-0001" },
  { key: "phone", header: "Số điện thoại", example: "0912345678" },
  { key: "unitCode", header: "Mã đơn vị", required: true, example: "31957" },
  { key: "term", header: "Nhiệm kỳ", required: true, example: "2025-2030" },
  { key: "position", header: "Chức danh quy hoạch", required: true, example: "Phó Bí thư Đảng ủy" },
  { key: "status", header: "Trạng thái", required: true, example: "Đã phê duyệt" },
  { key: "on", header: "Ngày", required: true, example: "15/03/2024" },
] as const;
type Key = (typeof columns)[number]["key"];

const positionChoices = Object.fromEntries(planningPositionKeys.flatMap((p) => [[headerKey(peopleMessages[`people.position.${p}`]), p], [p, p]])) as Record<string, PlanningPosition>;
const positionsShown = planningPositionKeys.map((p) => peopleMessages[`people.position.${p}`]).join(", ");
const statuses = ["proposed", "approved"] as const;
const statusesShown = statuses.map((s) => planningMessages[`planning.status.${s}`]).join(", ");
const statusChoices = Object.fromEntries(statuses.flatMap((s) => [[headerKey(planningMessages[`planning.status.${s}`]), s], [s, s]])) as Record<string, (typeof statuses)[number]>;

type Entry = { userId: string; unitId: string; termId: string; position: string; status: string; on: Date; unitPath: string };
const keyOf = (e: { userId: string; unitId: string; termId: string; position: string }) => `${e.userId}|${e.unitId}|${e.termId}|${e.position}`;

/**
 * Planning entries keyed by cadre, unit, term and position, with their status on a day. A new row is a new
 * entry; a row whose status differs from the entry's becomes a dated change of it; a row equal to it changes
 * nothing. The unit must be a province, district or commune of the term's tree within the importer's scope;
 * the cadre one its list may hold (plannableWhere: of the unit's subtree, or holding a position there during the term).
 */
export const planningImport: ImportKind<Key> = {
  permission: "planning:manage",
  columns,
  async processChunk(db, rows, context): Promise<ChunkResult> {
    const [units, terms] = await Promise.all([unitsByCode(db, rows.map((r) => r.values.unitCode), context.roles, "planning:manage"), allTerms(db)]);
    const termByKey = new Map(terms.map((t) => [t.key, t]));
    const personNamed = await peopleNamedBy(db, rows, { id: true, externalId: true, phone: true });

    const parsed = rows.map(({ row, values }) => {
      const reader = new RowReader(row, columns, values);
      const externalId = reader.text("externalId", 50);
      const phone = reader.phone("phone");
      const termText = reader.text("term", 20);
      const term = termText === undefined ? undefined : (termByKey.get(termText.replace(/\s*[-–—]\s*/, "-")) ?? reader.fail("term", { key: "import.error.term", params: { term: termText } }));
      const unitCode = reader.text("unitCode", 50);
      const candidates = unitCode === undefined ? undefined : units.get(unitCode);
      if (unitCode !== undefined && !candidates) reader.fail("unitCode", { key: "import.error.unit", params: { code: unitCode } });
      const onTree = candidates && term ? unitOn(candidates, term.treeOn, true) : undefined;
      const unit = onTree && isPlanningLevel(onTree.level) ? onTree : undefined;
      if (candidates && term && !unit) reader.fail("unitCode", { key: "import.error.unitNotOnTree", params: { code: unitCode!, term: termName(term.key) } });
      const positionText = reader.text("position", 100);
      const position = positionText === undefined ? undefined : (positionChoices[headerKey(positionText)] ?? reader.fail("position", { key: "import.error.planningPosition", params: { choices: positionsShown } }));
      const status = reader.choice("status", statusChoices, statusesShown);
      const day = reader.day("on");
      // A decision the file records has happened: a day to come is a typing error.
      const on = day && day.getTime() > Date.now() ? reader.fail("on", { key: "import.error.futureDay" }) : day;

      const person = personNamed(externalId, phone);
      if (externalId === undefined && phone === undefined && reader.raw("phone") === "") reader.fail("externalId", { key: "import.error.key" });
      else if ((externalId || phone) && !person) reader.fail(externalId ? "externalId" : "phone", { key: "import.error.person" });
      const entry: Entry | null = person && unit && term && position && status && on ? { userId: person.id, unitId: unit.id, termId: term.id, position, status, on, unitPath: unit.path } : null;
      if (entry) reader.unique("position", keyOf(entry), context.seen);
      return { reader, entry, personColumn: externalId ? ("externalId" as const) : ("phone" as const), unit, term };
    });
    // Whom a list may hold is one rule (plannableWhere), asked once per unit and term of the file.
    const lists = new Map<string, { unit: { path: string }; term: PlanningTerm; userIds: Set<string> }>();
    for (const p of parsed) {
      if (!p.entry || !p.unit || !p.term) continue;
      const key = `${p.entry.unitId}|${p.entry.termId}`;
      if (!lists.has(key)) lists.set(key, { unit: p.unit, term: p.term, userIds: new Set() });
      lists.get(key)!.userIds.add(p.entry.userId);
    }
    const plannable = new Set<string>();
    for (const [key, list] of lists) {
      const found = await db.user.findMany({ where: { id: { in: [...list.userIds] }, ...plannableWhere(list.unit, list.term) }, select: { id: true } });
      for (const { id } of found) plannable.add(`${key}|${id}`);
    }
    for (const p of parsed)
      if (p.entry && !plannable.has(`${p.entry.unitId}|${p.entry.termId}|${p.entry.userId}`)) p.reader.fail(p.personColumn, { key: "import.error.person" });
    const result: ChunkResult = { errors: parsed.flatMap((p) => p.reader.errors), created: 0, updated: 0, unchanged: 0, audits: [] };
    if (result.errors.length > 0) return result;

    const entries = parsed.map((p) => p.entry!);
    const existing = await db.planningEntry.findMany({
      where: { userId: { in: [...new Set(entries.map((e) => e.userId))] }, termId: { in: [...new Set(entries.map((e) => e.termId))] } },
      select: { id: true, userId: true, unitId: true, termId: true, position: true, status: true, reason: true },
    });
    const byKey = new Map(existing.map((e) => [keyOf(e), e]));
    const creates = entries.filter((e) => !byKey.has(keyOf(e)));
    const updates = entries.flatMap((e) => {
      const before = byKey.get(keyOf(e));
      return before && before.status !== e.status ? [{ before, e }] : [];
    });
    result.created = creates.length;
    result.updated = updates.length;
    result.unchanged = entries.length - creates.length - updates.length;
    if (!context.write) return result;

    const audit = rowAudit(context, "planning.import", "PlanningEntry");
    const created = await db.planningEntry.createManyAndReturn({
      data: creates.map(({ on: _, unitPath: _p, ...e }) => e),
      select: { id: true, userId: true, unitId: true, termId: true, position: true },
    });
    const createdIds = new Map(created.map((e) => [keyOf(e), e.id]));
    for (const { unitPath, ...e } of creates) result.audits.push(audit(createdIds.get(keyOf(e))!, unitPath, null, e));
    for (const { before, e } of updates) {
      await db.planningEntry.update({ where: { id: before.id }, data: { status: e.status, reason: null }, select: { id: true } });
      result.audits.push(audit(before.id, e.unitPath, { status: before.status, reason: before.reason }, { status: e.status, on: e.on }));
    }
    await db.planningEvent.createMany({
      data: [...creates.map((e) => ({ entryId: createdIds.get(keyOf(e))!, e })), ...updates.map(({ before, e }) => ({ entryId: before.id, e }))].map(({ entryId, e }) => ({ entryId, on: e.on, status: e.status, actorId: context.actorId })),
    });
    return result;
  },
};
