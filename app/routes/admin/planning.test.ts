import { expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
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

test("the page: the position and level asked for (a wrong one falls back), each requirement and rule marked future, in force or ended, and the catalog's courses", async () => {
  const past = new Date(Date.now() - 400 * 86_400_000);
  const later = new Date(Date.now() + 400 * 86_400_000);
  const requirement = (value: string, effectiveFrom: Date, effectiveTo: Date | null) =>
    db.positionRequirement.create({ data: { position: "hoi_uy_vien_ban_thuong_vu", unitLevel: "district", kind: "theory_level", value, source: "Quy định trang", effectiveFrom, effectiveTo } });
  const [ended, inForce, future] = [await requirement("so_cap", past, new Date()), await requirement("trung_cap", past, null), await requirement("cao_cap", later, null)];
  const rule = await db.policyRule.create({ data: { key: "planning-max-per-position", value: 3, source: "Quy định tương lai", effectiveFrom: later } });
  const read = async (query: string) => (await loader(routeArgs(get(`/admin/planning${query}`), await contextFor(db, admin)))) as Awaited<ReturnType<typeof loader>>;

  const page = await read("?position=hoi_uy_vien_ban_thuong_vu&level=district&saved=1");
  expect(page.page).toEqual({ position: "hoi_uy_vien_ban_thuong_vu", level: "district" });
  expect(page.saved).toBe(true);
  expect(page.requirements.map((r) => [r.id, r.value, r.state])).toEqual([
    [future.id, "cao_cap", "future"],
    [ended.id, "so_cap", "ended"],
    [inForce.id, "trung_cap", "inForce"],
  ]);
  expect(page.requirements[0]).toMatchObject({ kind: "theory_level", source: "Quy định trang", effectiveFrom: later, effectiveTo: null });
  expect(page.rules.find((r) => r.id === rule.id)).toMatchObject({ key: "planning-max-per-position", value: 3, source: "Quy định tương lai", state: "future" });
  expect(page.terms.map((t) => t.key)).toContain("2030-2035");
  const { courses } = await getCatalog();
  expect(page.courses).toEqual(courses.map((c) => ({ slug: c.slug, title: c.title })));

  const fallback = await read("?position=khong-co&level=khong-co");
  expect(fallback.page).toEqual({ position: "dang_bi_thu", level: "commune" });
  expect(fallback.saved).toBe(false);
});

test("a requirement of a course of the catalog is saved and sends back to the page it came from, saved; an unknown intent is a bad request", async () => {
  const [course] = (await getCatalog()).courses;
  const saved = (await send({ intent: "addRequirement", position: "hoi_chu_tich", unitLevel: "commune", item: `course:${course!.slug}`, source: "Quy định khóa học", effectiveFrom: "2026-01-01" })) as Response;
  expect(saved.status).toBe(302);
  expect(saved.headers.get("Location")).toBe("/admin/planning?position=hoi_chu_tich&level=commune&saved=1");
  expect(await db.positionRequirement.count({ where: { position: "hoi_chu_tich", unitLevel: "commune", kind: "course", value: course!.slug } })).toBe(1);
  const unknown = await send({ intent: "khong-co" });
  expect(statusOf(unknown)).toBe(400);
  expect((unknown as { data: unknown }).data).toBeNull();
});
