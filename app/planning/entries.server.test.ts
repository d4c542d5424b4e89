import { beforeAll, describe, expect, test } from "vitest";
import type { Catalog } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { isoDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { ensurePlanningDefaults } from "./defaults.server.ts";
import { approveEntry, defaultDueOn, planCadre, recordReview, removeEntry, type PlanningUnit } from "./entries.server.ts";
import { planningListView } from "./list-view.server.ts";
import { termByKey, type PlanningTerm } from "./lists.server.ts";
import { recordStep } from "./steps.server.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00+07:00`);
const now = new Date("2026-03-10T03:00:00Z");
const resolutions = "nghi-quyet-chi-thi-ve-cong-tac-phu-nu";
const mobilization = "van-dong-tap-hop-hoi-vien";

let term: PlanningTerm;
let commune: PlanningUnit;
let catalog: Catalog;
const courseIds: Record<string, string> = {};
let phone = 0;

async function cadre(name: string, unit: { id: string }, facts: { gender?: "female" | "male"; birthYear?: number } = {}) {
  phone += 1;
  const user = await upsertPerson(
    db,
    { name, phone: `0961${String(phone).padStart(6, "0")}`, gender: facts.gender ?? "male", birthYear: facts.birthYear ?? 1980, partyMember: true, theoryLevel: "trung_cap", unitId: unit.id },
    { hash: "placeholder" },
  );
  return user.id;
}
const plan = (userId: string, position: "dang_pho_bi_thu" | "dang_bi_thu" | "dang_uy_vien_ban_chap_hanh", dueOn = "2026-09-10") =>
  planCadre(db, "to-chuc", commune, term, { cadre: userId, position, dueOn: day(dueOn) }, catalog, now);
const events = async (entryId: string) =>
  (await db.planningEvent.findMany({ where: { entryId }, orderBy: [{ on: "asc" }, { id: "asc" }], select: { status: true, reason: true, on: true, reviewId: true } })).map((e) => [
    e.status,
    isoDay(e.on),
    e.reason,
    e.reviewId !== null,
  ]);

/** A commune of its own, for a test that needs its list to itself. */
const communeWithList = async (code: string, name: string): Promise<PlanningUnit> => ({ ...(await ensureUnit(db, { code, name, level: "commune", kind: "xa", parent: null })), name, level: "commune" });
/** A new cadre of the unit, planned as a member of its Party executive committee. */
async function member(unit: PlanningUnit, name: string) {
  const planned = await planCadre(db, "to-chuc", unit, term, { cadre: await cadre(name, unit), position: "dang_uy_vien_ban_chap_hanh", dueOn: day("2026-09-10") }, catalog, now);
  return planned.ok ? planned.entryId : expect.fail("not planned");
}

let outsider: TreeUnit;
beforeAll(async () => {
  await ensurePlanningDefaults(db);
  term = (await termByKey(db, "2025-2030"))!;
  const province = await ensureUnit(db, { code: "QH0", name: "Tỉnh Quy Hoạch", level: "province", kind: "tinh", parent: null });
  const unit = await ensureUnit(db, { code: "QH1", name: "Xã Quy Hoạch", level: "commune", kind: "xa", parent: province });
  commune = { ...unit, name: "Xã Quy Hoạch", level: "commune" };
  outsider = await ensureUnit(db, { code: "QH2", name: "Xã Bên Cạnh", level: "commune", kind: "xa", parent: province });
  for (const slug of [resolutions, mobilization])
    courseIds[slug] = (
      await db.course.upsert({ where: { slug }, create: { slug, title: `Khóa ${slug}`, summary: "", source: "content", estimatedMinutes: 5, passMark: 80, contentHash: slug }, update: {}, select: { id: true } })
    ).id;
  const courses = Object.entries(courseIds).map(([slug, id]) => ({ id, slug, title: `Khóa ${slug}`, recertification: null }));
  catalog = { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) } as unknown as Catalog;
});

describe("planning a cadre", () => {
  test("the default due date is six months on, at the month's end when the day does not exist", () => {
    expect(isoDay(defaultDueOn(day("2026-03-10")))).toBe("2026-09-10");
    expect(isoDay(defaultDueOn(day("2026-08-31")))).toBe("2027-02-28");
  });

  test("proposes her, dated and audited, and assigns the position's courses she has not completed, once", async () => {
    const lan = await cadre("Chị Lan", commune, { gender: "female" });
    await db.enrollment.create({ data: { userId: lan, courseId: courseIds[mobilization]!, courseVersion: 1, completedAt: day("2026-01-05") } });
    const planned = await plan(lan, "dang_pho_bi_thu");
    expect(planned).toMatchObject({ ok: true, name: "Chị Lan", assigned: [resolutions] });
    if (!planned.ok) return;
    expect(await db.planningEntry.findUniqueOrThrow({ where: { id: planned.entryId }, select: { status: true } })).toEqual({ status: "proposed" });
    expect(await events(planned.entryId)).toEqual([["proposed", "2026-03-10", null, false]]);
    const assignments = await db.courseAssignment.findMany({ where: { userId: lan }, select: { courseId: true, dueOn: true, planningEntryId: true } });
    expect(assignments).toEqual([{ courseId: courseIds[resolutions], dueOn: day("2026-09-10"), planningEntryId: planned.entryId }]);
    expect(await db.auditEvent.count({ where: { action: "planning.plan", entityId: planned.entryId, unitPath: commune.path } })).toBe(1);

    // Planned again for the same position: refused. For another one needing the same course, with an
    // earlier date: the assignment she has keeps its date.
    expect(await plan(lan, "dang_pho_bi_thu")).toEqual({ ok: false, errors: { cadre: "planningList.error.duplicate" } });
    expect(await plan(lan, "dang_bi_thu", "2026-04-01")).toMatchObject({ ok: true, assigned: [] });
    expect(await db.courseAssignment.findMany({ where: { userId: lan }, select: { dueOn: true } })).toEqual([{ dueOn: day("2026-09-10") }]);
  });

  test("refuses a cadre outside the unit's subtree, or unknown", async () => {
    const elsewhere = await cadre("Anh Bên Cạnh", outsider);
    expect(await plan(elsewhere, "dang_pho_bi_thu")).toEqual({ ok: false, errors: { cadre: "planningList.error.outside" } });
    expect(await plan("khong-co", "dang_pho_bi_thu")).toEqual({ ok: false, errors: { cadre: "planningList.error.outside" } });
    expect(await db.planningEntry.count({ where: { userId: elsewhere } })).toBe(0);
  });

  test("a fourth person on a titled position brings the per-position warning, naming its source", async () => {
    // Chị Lan is the first.
    expect(await plan(await cadre("Anh Một", commune), "dang_pho_bi_thu")).toMatchObject({ ok: true });
    const third = await plan(await cadre("Anh Hai", commune), "dang_pho_bi_thu");
    expect(third.ok && third.warnings.filter((w) => w.kind === "over-per-position")).toEqual([]);
    const fourth = await plan(await cadre("Anh Ba", commune), "dang_pho_bi_thu");
    expect(fourth.ok && fourth.warnings.find((w) => w.kind === "over-per-position")).toEqual({
      kind: "over-per-position",
      position: "dang_pho_bi_thu",
      count: 4,
      limit: 3,
      source: expect.stringContaining("Quy định 377-QĐ/TW"),
    });
  });
});

describe("the history of an entry", () => {
  test("approve, then remove with its reason, each dated; what is not possible is refused", async () => {
    const planned = await plan(await cadre("Chị Hoa", commune, { gender: "female" }), "dang_uy_vien_ban_chap_hanh");
    if (!planned.ok) return expect.fail("not planned");
    const later = new Date("2026-04-02T03:00:00Z");
    expect(await approveEntry(db, "to-chuc", commune, term, planned.entryId, later)).toMatchObject({ ok: true });
    expect(await approveEntry(db, "to-chuc", commune, term, planned.entryId, later)).toEqual({ ok: false, errors: { entry: "planningList.error.notProposed" } });
    const other = { ...commune, id: outsider.id, path: outsider.path };
    expect(await approveEntry(db, "to-chuc", other, term, planned.entryId, later)).toBeNull();
    const removedOn = new Date("2026-05-20T03:00:00Z");
    expect(await removeEntry(db, "to-chuc", commune, term, { entry: planned.entryId, reason: "Chuyển công tác" }, removedOn)).toMatchObject({ ok: true });
    expect(await removeEntry(db, "to-chuc", commune, term, { entry: planned.entryId, reason: "Lần nữa" }, removedOn)).toEqual({ ok: false, errors: { entry: "planningList.error.alreadyRemoved" } });
    expect(await events(planned.entryId)).toEqual([
      ["proposed", "2026-03-10", null, false],
      ["approved", "2026-04-02", null, false],
      ["removed", "2026-05-20", "Chuyển công tác", false],
    ]);
    expect(await db.planningEntry.findUniqueOrThrow({ where: { id: planned.entryId }, select: { status: true, reason: true } })).toEqual({ status: "removed", reason: "Chuyển công tác" });
    expect((await db.auditEvent.findMany({ where: { entityId: planned.entryId }, select: { action: true } })).map((a) => a.action).sort()).toEqual(["planning.approve", "planning.plan", "planning.remove"]);
  });

  test("a yearly review keeps or removes every active entry, with reasons, and may add someone; a year is reviewed once", async () => {
    const reviewed = await communeWithList("QH3", "Xã Rà Soát");
    const [kept, removed] = [await member(reviewed, "Anh Giữ"), await member(reviewed, "Anh Ra")];
    const newcomer = await cadre("Chị Mới", reviewed, { gender: "female" });
    const review = (year: number, reason: string) => ({
      year,
      heldOn: day("2026-12-01"),
      note: "Rà soát năm 2026",
      decisions: [{ entry: removed, keep: false, reason }],
      add: { cadre: newcomer, position: "dang_uy_vien_ban_chap_hanh" as const, dueOn: day("2027-06-01") },
    });
    expect(await recordReview(db, "to-chuc", reviewed, term, review(2026, ""), catalog, now)).toEqual({ ok: false, errors: { [`reason:${removed}`]: "planningList.error.reason" } });
    expect(await recordReview(db, "to-chuc", reviewed, term, review(2026, "Không còn đủ tiêu chuẩn"), catalog, now)).toMatchObject({ ok: true });
    expect(await events(kept)).toEqual([
      ["proposed", "2026-03-10", null, false],
      ["kept", "2026-12-01", null, true],
    ]);
    expect((await events(removed)).at(-1)).toEqual(["removed", "2026-12-01", "Không còn đủ tiêu chuẩn", true]);
    const added = await db.planningEntry.findFirstOrThrow({ where: { userId: newcomer }, select: { status: true, events: { select: { reviewId: true } } } });
    expect(added).toMatchObject({ status: "proposed", events: [{ reviewId: expect.any(String) }] });
    // The same year again is refused and changes nothing.
    expect(await recordReview(db, "to-chuc", reviewed, term, review(2026, "Lần nữa"), catalog, now)).toEqual({ ok: false, errors: { year: "planningList.error.reviewExists" } });
    expect(await db.planningReview.count({ where: { unitId: reviewed.id } })).toBe(1);
  });
});

describe("the steps of the procedure", () => {
  test("votes are checked against the participants; standing shows the votes against the threshold; approval approves the selected", async () => {
    const voting = await communeWithList("QH4", "Xã Bỏ Phiếu");
    const [few, many] = [await member(voting, "Anh Ít Phiếu"), await member(voting, "Anh Nhiều Phiếu")];
    const step = (kind: string, heldOn: string, votes: Record<string, string>, selected: string[] = []) =>
      recordStep(db, "to-chuc", voting, term, { kind, heldOn: day(heldOn), participants: 30, note: "", votes: new Map(Object.entries(votes)), selected: new Set(selected) });

    expect(await step("appraisal", "2026-03-12", {}, [few, many])).toEqual({ ok: true });
    expect(await step("nomination", "2026-03-15", { [few]: "31", [many]: "20" })).toEqual({ ok: false, errors: { [`votes:${few}`]: "planningList.error.votes" } });
    expect(await step("nomination", "2026-03-15", { [few]: "12", [many]: "20" })).toEqual({ ok: true });
    expect(await step("khong-co", "2026-03-15", {})).toEqual({ ok: false, errors: { kind: "planningList.error.kind" } });

    const view = await planningListView(db, voting, term, new Date("2026-03-20T03:00:00Z"), catalog);
    const standingOf = (id: string) => view.entries.find((e) => e.id === id)!.standing.map((s) => [s.step, s.state, "votes" in s ? s.votes : null]);
    expect(standingOf(few)).toEqual([
      ["appraisal", "passed", null],
      ["nomination", "failed", 12],
      ["selection", "pending", null],
      ["executive_ballot", "pending", null],
      ["approval", "pending", null],
    ]);
    expect(standingOf(many).slice(0, 3)).toEqual([
      ["appraisal", "passed", null],
      ["nomination", "passed", 20],
      ["selection", "pending", null],
    ]);
    expect(view.threshold).toMatchObject({ value: 0.5, source: expect.stringContaining("Hướng dẫn 16-HD/BTCTW") });

    expect(await step("approval", "2026-04-01", {}, [many])).toEqual({ ok: true });
    expect(await db.planningEntry.findUniqueOrThrow({ where: { id: many }, select: { status: true } })).toEqual({ status: "approved" });
    expect(await db.planningEntry.findUniqueOrThrow({ where: { id: few }, select: { status: true } })).toEqual({ status: "proposed" });
    expect((await events(many)).at(-1)).toEqual(["approved", "2026-04-01", null, false]);
    // The votes decide who enters the list: one who failed the nomination is approved neither by the step nor by hand.
    expect(await step("approval", "2026-04-02", {}, [few])).toEqual({ ok: false, errors: { [`selected:${few}`]: "planningList.error.notThrough" } });
    expect(await approveEntry(db, "to-chuc", voting, term, few)).toEqual({ ok: false, errors: { entry: "planningList.error.notThrough" } });
    expect(await db.planningEntry.findUniqueOrThrow({ where: { id: few }, select: { status: true } })).toEqual({ status: "proposed" });
  });
});
