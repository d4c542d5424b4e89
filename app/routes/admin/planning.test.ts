import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { requirementsOn } from "#app/planning/readiness.server.ts";
import { policyOn } from "#app/policy/policy.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./planning.tsx";

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;
const province = await ensureUnit(db, { code: "QH", name: "Tỉnh Quy Hoạch", level: "province", kind: "tinh", parent: null });
const admin = await createPersonWithRole(db, "admin", province);
const send = async (fields: Record<string, string>, userId = admin) =>
  outcome(async () => action(routeArgs(post("/admin/planning?position=hoi_chu_tich&level=commune", fields), await contextFor(db, userId))));
type Failed = { data: { errors: Record<string, string> } };
const errorsOf = (result: unknown) => (result as Failed).data.errors;

test("only those with planning:rules get in: an organizer is refused", async () => {
  const organizer = await createPersonWithRole(db, "organizer", province);
  expect(statusOf(await outcome(async () => loader(routeArgs(get("/admin/planning"), await contextFor(db, organizer)))))).toBe(403);
  expect(statusOf(await send({ intent: "addTerm" }, organizer))).toBe(403);
  expect(statusOf(await outcome(async () => loader(routeArgs(get("/admin/planning"), await contextFor(db, admin)))))).toBe(200);
});

test("a term: key two years, end after start, unique; audited", async () => {
  expect(errorsOf(await send({ intent: "addTerm", key: "2035-2030", startsOn: "2030-07-01", endsOn: "2029-07-01", treeOn: "" }))).toEqual({
    key: "planningAdmin.error.termKey",
    endsOn: "planningAdmin.error.endBeforeStart",
    treeOn: "planningAdmin.error.date",
  });
  expect(statusOf(await send({ intent: "addTerm" }))).toBe(400);
  const term = { intent: "addTerm", key: "2030-2035", startsOn: "01/07/2030", endsOn: "01/07/2035", treeOn: "01/07/2030" };
  expect(statusOf(await send(term))).toBe(302);
  expect(await db.term.findUniqueOrThrow({ where: { key: "2030-2035" }, select: { startsOn: true, endsOn: true } })).toEqual({ startsOn: day(2030, 7, 1), endsOn: day(2035, 7, 1) });
  expect(errorsOf(await send(term))).toEqual({ key: "planningAdmin.error.termTaken" });
  expect(await db.auditEvent.count({ where: { action: "planning.term.create", actorId: admin } })).toBe(1);
});

test("a requirement is added from a day and ended on a day; the days before the end keep it", async () => {
  const add = { intent: "addRequirement", position: "hoi_chu_tich", unitLevel: "commune", item: "theory_level:cao_cap", source: "Quy định thử", effectiveFrom: "2026-01-01" };
  expect(errorsOf(await send({ ...add, item: "course:khong-co", source: "x" }))).toEqual({ item: "planningAdmin.error.choice", source: "planningAdmin.error.source" });
  expect(statusOf(await send(add))).toBe(302);
  expect(errorsOf(await send({ ...add, effectiveFrom: "2027-01-01" }))).toEqual({ item: "planningAdmin.error.itemInForce" });
  const row = await db.positionRequirement.findFirstOrThrow({ where: { position: "hoi_chu_tich", kind: "theory_level" } });

  expect(errorsOf(await send({ intent: "endRequirement", requirementId: row.id, effectiveTo: "2025-12-31" }))).toEqual({ effectiveTo: "planningAdmin.error.endBeforeStart" });
  expect(statusOf(await send({ intent: "endRequirement", requirementId: row.id, effectiveTo: "2027-01-01" }))).toBe(302);
  expect(errorsOf(await send({ intent: "endRequirement", requirementId: row.id, effectiveTo: "2028-01-01" }))).toEqual({ effectiveTo: "planningAdmin.error.notOpen" });
  const item = { kind: "theory_level", value: "cao_cap", source: "Quy định thử" };
  expect((await requirementsOn(db, day(2026, 12, 31))).get("hoi_chu_tich:commune")).toEqual([item]);
  expect((await requirementsOn(db, day(2027, 1, 1))).get("hoi_chu_tich:commune")).toBeUndefined();
  // Ended, the same item may start again later: a second period, the first one still there.
  expect(statusOf(await send({ ...add, effectiveFrom: "2028-01-01" }))).toBe(302);
  expect(await db.positionRequirement.count({ where: { position: "hoi_chu_tich", kind: "theory_level" } })).toBe(2);
  expect(await db.auditEvent.count({ where: { action: { in: ["planning.requirement.add", "planning.requirement.end"] } } })).toBe(3);
});

test("a new version of a rule ends the one in force on its day; values are checked per rule", async () => {
  const rule = { intent: "addRule", key: "planning-women-share", value: "30", source: "Quy định mới", effectiveFrom: "2027-01-01" };
  expect(errorsOf(await send({ ...rule, value: "130" }))).toEqual({ value: "planningAdmin.error.value" });
  expect(errorsOf(await send({ ...rule, key: "young-age-commune", value: "15" }))).toEqual({ value: "planningAdmin.error.value" });
  expect(errorsOf(await send({ ...rule, key: "planning-max-per-position", value: "2,5" }))).toEqual({ value: "planningAdmin.error.value" });
  expect(errorsOf(await send({ ...rule, key: "khong-co" }))).toEqual({ key: "planningAdmin.error.choice" });
  await db.policyRule.create({ data: { key: "planning-women-share", value: 0.25, source: "Quy định cũ", effectiveFrom: day(2021, 12, 27) } });

  expect(statusOf(await send(rule))).toBe(302);
  expect(await policyOn(db, "planning-women-share", day(2026, 12, 31))).toMatchObject({ value: 0.25, source: "Quy định cũ" });
  expect(await policyOn(db, "planning-women-share", day(2027, 1, 1))).toMatchObject({ value: 0.3, source: "Quy định mới" });
  expect(errorsOf(await send({ ...rule, effectiveFrom: "2026-06-01" }))).toEqual({ effectiveFrom: "planningAdmin.error.notAfterLatest" });
  expect(await db.auditEvent.count({ where: { action: "policy.set", actorId: admin } })).toBe(1);
});
