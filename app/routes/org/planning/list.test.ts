import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { isoDay, parseDay } from "#app/org/days.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./list.tsx";

const term = "2025-2030";
let district: TreeUnit;
let commune: TreeUnit;
let neighbour: TreeUnit;
let organizer: Awaited<ReturnType<typeof contextFor>>;
const today = isoDay(new Date());
const nextMonth = isoDay(new Date(Date.now() + 30 * 86_400_000));

beforeAll(async () => {
  await ensurePlanningDefaults(db);
  const province = await ensureUnit(db, { code: "DS0", name: "Tỉnh Danh Sách", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "DS1", name: "Huyện Danh Sách", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "DS11", name: "Xã Danh Sách", level: "commune", kind: "xa", parent: district });
  neighbour = await ensureUnit(db, { code: "DS2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
}, 120_000);

const path = (unitId: string, termKey = term) => `/org/planning/${unitId}/${termKey}`;
const params = (unitId: string, termKey = term) => ({ unitId, term: termKey });
const send = (fields: Record<string, string>, unitId = commune.id, context = organizer) =>
  outcome(() => action(routeArgs(post(path(unitId), fields), context, params(unitId))));
const refusal = (result: unknown) => (result as { data: { intent: string; ok: false; errors: Record<string, string>; values: Record<string, string> } }).data;
const entryOf = (userId: string) => db.planningEntry.findFirstOrThrow({ where: { userId, unitId: commune.id }, select: { id: true, status: true, reason: true } });
const cadre = (name: string) => createPersonWithRole(db, "learner", commune, name);
const plan = async (userId: string) => {
  expect(await send({ intent: "plan", cadre: userId, position: "dang_uy_vien_ban_chap_hanh", dueOn: nextMonth })).toMatchObject({ ok: true });
  return (await entryOf(userId)).id;
};

test("an organizer reads the list of a unit below her and may manage it; an unknown term, a branch, a unit outside and an unknown one are not found", async () => {
  const page = await loader(routeArgs(get(path(commune.id)), organizer, params(commune.id)));
  expect(page).toMatchObject({ unit: { id: commune.id, name: "Xã Danh Sách" }, term: { key: term }, canManage: true, today, entries: [] });
  const branch = await ensureUnit(db, { code: "DS11a", name: "Chi hội Danh Sách", level: "branch", kind: "ap", parent: commune });
  for (const [unitId, termKey] of [[commune.id, "1990-1995"], [branch.id, term], [neighbour.id, term], ["khong-co", term]] as const)
    expect(statusOf(await outcome(() => loader(routeArgs(get(path(unitId, termKey)), organizer, params(unitId, termKey)))))).toBe(404);
  const trainer = await contextFor(db, await createPersonWithRole(db, "trainer", district));
  expect(statusOf(await outcome(() => loader(routeArgs(get(path(commune.id)), trainer, params(commune.id)))))).toBe(403);
  expect(statusOf(await send({ intent: "approve", entry: "khong-co" }, commune.id, trainer))).toBe(403);
  expect(statusOf(await send({ intent: "approve", entry: "khong-co" }, neighbour.id))).toBe(404);
});

test("planning a cadre: a bad form comes back with its errors and values (400); a cadre planned gets her entry, the courses she lacks and is not planned twice", async () => {
  const bad = await send({ intent: "plan", cadre: "", position: "khong-co", dueOn: "31/02/2026" });
  expect(statusOf(bad)).toBe(400);
  expect(refusal(bad)).toEqual({
    intent: "plan",
    ok: false,
    errors: { cadre: "planningList.error.cadre", position: "planningList.error.position", dueOn: "planningList.error.dueOn" },
    values: { intent: "plan", cadre: "", position: "khong-co", dueOn: "31/02/2026" },
  });
  expect(refusal(await send({ intent: "plan", cadre: "khong-co", position: "dang_bi_thu", dueOn: nextMonth })).errors).toEqual({ cadre: "planningList.error.outside" });

  const userId = await cadre("Trần Thị Quy Hoạch");
  const planned = await send({ intent: "plan", cadre: userId, position: "dang_bi_thu", dueOn: nextMonth });
  const entry = await entryOf(userId);
  const assigned = await db.courseAssignment.count({ where: { planningEntryId: entry.id } });
  expect(planned).toEqual({ intent: "plan", ok: true, name: "Trần Thị Quy Hoạch", assigned, dueOn: parseDay(nextMonth)!.toISOString(), warnings: expect.any(Number) });
  expect(entry.status).toBe("proposed");
  expect(refusal(await send({ intent: "plan", cadre: userId, position: "dang_bi_thu", dueOn: nextMonth })).errors).toEqual({ cadre: "planningList.error.duplicate" });
  const page = await loader(routeArgs(get(path(commune.id)), organizer, params(commune.id)));
  expect(page.entries).toMatchObject([{ id: entry.id, position: "dang_bi_thu", status: "proposed", user: { id: userId, name: "Trần Thị Quy Hoạch" } }]);
});

test("approving and removing: an entry of another list is not found, a second approval or removal is refused, a removal needs its reason", async () => {
  const entry = await plan(await cadre("Lê Thị Phê Duyệt"));
  expect(statusOf(await send({ intent: "approve", entry: "khong-co" }))).toBe(404);
  expect(await send({ intent: "approve", entry })).toEqual({ intent: "approve", ok: true, name: "Lê Thị Phê Duyệt", warnings: expect.any(Number) });
  expect((await db.planningEntry.findUniqueOrThrow({ where: { id: entry } })).status).toBe("approved");
  expect(refusal(await send({ intent: "approve", entry })).errors).toEqual({ entry: "planningList.error.notProposed" });

  expect(refusal(await send({ intent: "remove", entry, reason: "x" })).errors).toEqual({ reason: "planningList.error.reason" });
  expect(statusOf(await send({ intent: "remove", entry: "khong-co", reason: "Chuyển công tác" }))).toBe(404);
  expect(await send({ intent: "remove", entry, reason: "Chuyển công tác" })).toEqual({ intent: "remove", ok: true, name: "Lê Thị Phê Duyệt", warnings: expect.any(Number) });
  expect(await db.planningEntry.findUniqueOrThrow({ where: { id: entry }, select: { status: true, reason: true } })).toEqual({ status: "removed", reason: "Chuyển công tác" });
  expect(refusal(await send({ intent: "remove", entry, reason: "Chuyển công tác" })).errors).toEqual({ entry: "planningList.error.alreadyRemoved" });
  expect(statusOf(await send({ intent: "khong-co" }))).toBe(400);
});

test("the yearly review: a removal without its reason and a cadre added without a position are refused field by field; a review removes, keeps and adds", async () => {
  const year = today.slice(0, 4);
  const [kept, removed] = [await plan(await cadre("Giữ Lại")), await plan(await cadre("Đưa Ra"))];
  const added = await cadre("Bổ Sung");
  const refused = await send({ intent: "review", year, heldOn: today, note: "", [`decision:${removed}`]: "remove", [`reason:${removed}`]: "", addCadre: added, addPosition: "", addDueOn: nextMonth });
  expect(refusal(refused).errors).toEqual({ addPosition: "planningList.error.position" });
  expect(refusal(await send({ intent: "review", year, heldOn: today, note: "", [`decision:${removed}`]: "remove", [`reason:${removed}`]: "" })).errors).toEqual({
    [`reason:${removed}`]: "planningList.error.reason",
  });
  expect(refusal(await send({ intent: "review", year, heldOn: today, note: "", addCadre: "khong-co", addPosition: "dang_bi_thu", addDueOn: nextMonth })).errors).toEqual({
    addCadre: "planningList.error.outside",
  });
  expect(await db.planningReview.count({ where: { unitId: commune.id } })).toBe(0);

  const review = { intent: "review", year, heldOn: today, note: "Họp năm", [`decision:${kept}`]: "keep", [`decision:${removed}`]: "remove", [`reason:${removed}`]: "Nghỉ hưu" };
  expect(await send({ ...review, addCadre: added, addPosition: "dang_uy_vien_ban_chap_hanh", addDueOn: nextMonth })).toEqual({ intent: "review", ok: true, warnings: expect.any(Number) });
  expect(await db.planningReview.findFirstOrThrow({ where: { unitId: commune.id }, select: { year: true, note: true } })).toEqual({ year: Number(year), note: "Họp năm" });
  expect(await db.planningEntry.findUniqueOrThrow({ where: { id: removed }, select: { status: true, reason: true } })).toEqual({ status: "removed", reason: "Nghỉ hưu" });
  expect((await db.planningEntry.findUniqueOrThrow({ where: { id: kept } })).status).toBe("proposed");
  expect((await entryOf(added)).status).toBe("proposed");
  expect(refusal(await send(review)).errors).toEqual({ year: "planningList.error.reviewExists" });
});

test("a step of the procedure: a bad form and votes above the participants are refused; a ballot is recorded with each one's votes", async () => {
  const entry = await plan(await cadre("Bỏ Phiếu"));
  expect(refusal(await send({ intent: "step", kind: "", heldOn: "", participants: "0", note: "" })).errors).toEqual({
    kind: "planningList.error.kind",
    heldOn: "planningList.error.heldOn",
    participants: "planningList.error.participants",
  });
  expect(refusal(await send({ intent: "step", kind: "khong-co", heldOn: today, participants: "9", note: "" })).errors).toEqual({ kind: "planningList.error.kind" });
  expect(refusal(await send({ intent: "step", kind: "nomination", heldOn: today, participants: "9", note: "", [`votes:${entry}`]: "10" })).errors).toEqual({
    [`votes:${entry}`]: "planningList.error.votes",
  });
  expect(await send({ intent: "step", kind: "nomination", heldOn: today, participants: "9", note: "", [`votes:${entry}`]: "7" })).toEqual({ intent: "step", ok: true });
  const step = await db.planningStep.findFirstOrThrow({ where: { unitId: commune.id, kind: "nomination" }, select: { participants: true, votes: { select: { entryId: true, votes: true, selected: true } } } });
  expect(step.participants).toBe(9);
  expect(step.votes).toContainEqual({ entryId: entry, votes: 7, selected: true });

  expect(await send({ intent: "step", kind: "approval", heldOn: today, participants: "9", note: "", [`selected:${entry}`]: "on" })).toEqual({ intent: "step", ok: true });
  expect((await db.planningEntry.findUniqueOrThrow({ where: { id: entry } })).status).toBe("approved");
});

test("the page's data: each entry's dated history, standing and readiness (courses by their titles), the steps and reviews by day, cadres of units below named by their unit", async () => {
  const own = await ensureUnit(db, { code: "DS12", name: "Xã Trang Dữ Liệu", level: "commune", kind: "xa", parent: district });
  const branch = await ensureUnit(db, { code: "DS12a", name: "Chi hội Trang Dữ Liệu", level: "branch", kind: "ap", parent: own });
  const userId = await createPersonWithRole(db, "learner", own, "Phạm Thị Sẵn Sàng");
  const below = await createPersonWithRole(db, "learner", branch, "Võ Thị Chi Hội");
  expect(await send({ intent: "plan", cadre: userId, position: "dang_bi_thu", dueOn: nextMonth }, own.id)).toMatchObject({ ok: true });
  const entry = await db.planningEntry.findFirstOrThrow({ where: { userId, unitId: own.id }, select: { id: true } });
  expect(await send({ intent: "step", kind: "appraisal", heldOn: today, participants: "5", note: "", [`selected:${entry.id}`]: "on" }, own.id)).toEqual({ intent: "step", ok: true });
  expect(await send({ intent: "step", kind: "nomination", heldOn: today, participants: "9", note: "Hội nghị cán bộ", [`votes:${entry.id}`]: "7" }, own.id)).toEqual({ intent: "step", ok: true });
  expect(await send({ intent: "review", year: today.slice(0, 4), heldOn: today, note: "Rà soát", [`decision:${entry.id}`]: "keep" }, own.id)).toMatchObject({ ok: true });

  // A required course no longer in the catalog is named by its address.
  const gone = await db.positionRequirement.create({
    data: { position: "dang_bi_thu", unitLevel: "commune", kind: "course", value: "khoa-da-go", source: "Quy định thử", effectiveFrom: new Date("2020-01-01T00:00:00+07:00") },
  });
  const page = await loader(routeArgs(get(path(own.id)), organizer, params(own.id)));
  await db.positionRequirement.delete({ where: { id: gone.id } });
  const events = await db.planningEvent.findMany({ where: { entryId: entry.id }, orderBy: [{ on: "asc" }, { id: "asc" }], select: { id: true, on: true, status: true, reason: true } });
  expect(events.length).toBe(2);
  const [shown] = page.entries;
  expect(shown!.events).toEqual(events.map((ev) => ({ id: ev.id, on: ev.on.toISOString(), status: ev.status, reason: ev.reason })));
  const step = await db.planningStep.findFirstOrThrow({ where: { unitId: own.id, kind: "nomination" }, select: { id: true, heldOn: true } });
  expect(shown!.standing).toContainEqual({ step: "nomination", state: "passed", heldOn: step.heldOn.toISOString(), votes: 7, participants: 9 });
  expect(shown!.standing).toContainEqual({ step: "approval", state: "pending" });

  const catalog = await getCatalog();
  const titled = (slug: string) => catalog.bySlug.get(slug)!.title;
  expect(titled("van-dong-tap-hop-hoi-vien")).not.toBe("van-dong-tap-hop-hoi-vien");
  // Strictly: an item that is not a course gets no course field, not even an undefined one.
  expect(shown!.readiness).toStrictEqual({
    state: "not_ready",
    items: [
      { kind: "party_member", source: expect.any(String) },
      { kind: "course", course: "khoa-da-go", source: "Quy định thử" },
      { kind: "course", course: titled("nghi-quyet-chi-thi-ve-cong-tac-phu-nu"), source: expect.any(String) },
      { kind: "course", course: titled("van-dong-tap-hop-hoi-vien"), source: expect.any(String) },
      { kind: "theory_level", level: "trung_cap", source: expect.any(String) },
    ],
  });

  expect(page.steps).toHaveLength(2);
  expect(page.steps).toContainEqual({ id: step.id, kind: "nomination", heldOn: step.heldOn.toISOString(), participants: 9, note: "Hội nghị cán bộ" });
  const review = await db.planningReview.findFirstOrThrow({ where: { unitId: own.id }, select: { id: true, year: true, heldOn: true } });
  expect(page.reviews).toEqual([{ id: review.id, year: review.year, heldOn: review.heldOn.toISOString(), note: "Rà soát" }]);
  expect(page.cadres).toEqual(
    expect.arrayContaining([
      { id: userId, name: "Phạm Thị Sẵn Sàng", unit: null },
      { id: below, name: "Võ Thị Chi Hội", unit: "Chi hội Trang Dữ Liệu" },
    ]),
  );
});

test("a removed entry has no standing and no readiness; a review's removal without a reason field, a cadre added by position alone and a bad due day are refused", async () => {
  const entry = await plan(await cadre("Rút Khỏi Danh Sách"));
  const refused = await send({ intent: "review", year: "2026", heldOn: today, note: "", [`decision:${entry}`]: "remove" });
  expect(refusal(refused).errors).toEqual({ [`reason:${entry}`]: "planningList.error.reason" });
  expect(refusal(await send({ intent: "review", year: "2026", heldOn: today, note: "", addPosition: "dang_bi_thu", addDueOn: nextMonth })).errors).toEqual({ addCadre: "planningList.error.cadre" });
  const added = await cadre("Hạn Sai");
  expect(refusal(await send({ intent: "review", year: "2026", heldOn: today, note: "", addCadre: added, addPosition: "dang_bi_thu", addDueOn: "31/02/2026" })).errors).toEqual({ addDueOn: "planningList.error.dueOn" });

  expect(await send({ intent: "remove", entry, reason: "Chuyển công tác" })).toMatchObject({ ok: true });
  const page = await loader(routeArgs(get(path(commune.id)), organizer, params(commune.id)));
  expect(page.entries.find((e) => e.id === entry)).toMatchObject({ status: "removed", reason: "Chuyển công tác", standing: [], readiness: null });
});
