import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureDefaultPolicies } from "#app/policy/policy.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action as edit, loader as editPage } from "./membership-edit.tsx";
import { loader as overview } from "./membership.tsx";
import { action as models, loader as modelsPage } from "./models.tsx";

const tree = async (tag: string) => {
  const district = await ensureUnit(db, { code: `${tag}D`, name: "Huyện", level: "district", kind: "huyen", parent: null });
  const commune = await ensureUnit(db, { code: `${tag}C`, name: "Xã Một", level: "commune", kind: "xa", parent: district });
  const branch = await ensureUnit(db, { code: `${tag}B`, name: "Chi hội Ấp Một", level: "branch", kind: "ap", parent: commune });
  const branch2 = await ensureUnit(db, { code: `${tag}B2`, name: "Chi hội Ấp Hai", level: "branch", kind: "ap", parent: commune });
  const other = await ensureUnit(db, { code: `${tag}O`, name: "Xã Khác", level: "commune", kind: "xa", parent: null });
  return { district, commune, branch, branch2, other };
};
const figures = { womenAdult: "2.000", members: "1.100", joined: "40", left: "5", honoraryMembers: "7" };

test("an organizer enters a commune's figures and the district page shows the rate with its formula and inputs", async () => {
  await ensureDefaultPolicies(db);
  const { district, commune, other } = await tree("ME");
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const path = `/org/membership/edit?unit=${commune.id}&period=2019-H1`;
  const saved = await edit(routeArgs(post(path, figures), organizer));
  expect(saved).toMatchObject({ saved: "membership.saved" });
  const view = (await overview(routeArgs(get(`/org/membership?unit=${district.id}&period=2019-H1`), organizer))) as Awaited<ReturnType<typeof overview>>;
  expect(view.overview.total.rate).toEqual({ members: 1_100, womenAdult: 2_000, rate: 0.55 });
  expect(view.overview.rows[0]).toMatchObject({ name: "Xã Một", meetsTarget: true, canEnter: true });
  expect(await db.auditEvent.count({ where: { action: "membership.save", entityId: { not: "" }, unitPath: commune.path } })).toBe(1);

  // Errors come back as 400 with the fields' messages; outside her district or unknown: the same 404.
  const bad = await outcome(() => edit(routeArgs(post(path, { ...figures, members: "-3" }), organizer)));
  expect(statusOf(bad)).toBe(400);
  expect((bad as { data: { errors: object } }).data.errors).toEqual({ members: "membership.error.count" });
  expect(statusOf(await outcome(async () => edit(routeArgs(post(`/org/membership/edit?unit=${other.id}&period=2019-H1`, figures), organizer))))).toBe(404);
  expect(statusOf(await outcome(async () => editPage(routeArgs(get(`/org/membership/edit?unit=nope&period=2019-H1`), organizer))))).toBe(404);
});

test("a learner or a trainer cannot enter figures; a district's own figures are sums, not entered", async () => {
  const { district, commune } = await tree("MF");
  for (const role of ["learner", "trainer"] as const) {
    const context = await contextFor(db, await createPersonWithRole(db, role, district));
    expect(statusOf(await outcome(async () => edit(routeArgs(post(`/org/membership/edit?unit=${commune.id}&period=2019-H1`, figures), context))))).toBe(403);
  }
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  expect(statusOf(await outcome(async () => edit(routeArgs(post(`/org/membership/edit?unit=${district.id}&period=2019-H1`, figures), organizer))))).toBe(400);
});

test("an organizer adds a model to a branch, marks it effective and records its replication in another branch, all audited", async () => {
  const { district, branch, branch2, other } = await tree("MO");
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const path = `/org/models?unit=${district.id}`;
  const model = { intent: "create", unitId: branch.id, kind: "savings", name: "Tổ tiết kiệm Ấp Một", members: "25", startedOn: "15/03/2020" };
  expect(statusOf(await outcome(async () => models(routeArgs(post(path, { ...model, name: "" }), organizer))))).toBe(400);
  expect(statusOf(await outcome(async () => models(routeArgs(post(path, { ...model, unitId: other.id }), organizer))))).toBe(400);
  await models(routeArgs(post(path, model), organizer));
  const created = await db.unionModel.findFirstOrThrow({ where: { unitId: branch.id }, select: { id: true, startedOn: true } });
  expect(created.startedOn).toEqual(new Date("2020-03-15T00:00:00+07:00"));
  await models(routeArgs(post(path, { intent: "effective", modelId: created.id }), organizer));
  await models(routeArgs(post(path, { intent: "replicate", modelId: created.id, unitId: branch2.id, members: "12", startedOn: "2021-01-10" }), organizer));
  const view = (await modelsPage(routeArgs(get(path), organizer))) as Awaited<ReturnType<typeof modelsPage>>;
  const original = view.models.find((m) => m.id === created.id)!;
  expect(original).toMatchObject({ effective: true, replicas: [{ unit: { name: "Chi hội Ấp Hai" } }] });
  expect(view.models.find((m) => m.replicatedFromId === created.id)).toMatchObject({ kind: "savings", name: "Tổ tiết kiệm Ấp Một", members: 12 });
  expect(await db.auditEvent.count({ where: { entity: "UnionModel" } })).toBe(3);

  const outsider = await contextFor(db, await createPersonWithRole(db, "organizer", other));
  expect(statusOf(await outcome(async () => models(routeArgs(post(`/org/models?unit=${other.id}`, { intent: "effective", modelId: created.id }), outsider))))).toBe(404);
});

test("the edit page: the unit, whether it is a branch, the period and its figures; only a branch counts households; an address without a period is a bad request", async () => {
  await ensureDefaultPolicies(db);
  const { district, commune, branch } = await tree("MG");
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const page = async (unitId: string) => (await editPage(routeArgs(get(`/org/membership/edit?unit=${unitId}&period=2019-H1`), organizer))) as Awaited<ReturnType<typeof editPage>>;
  expect(await page(commune.id)).toEqual({ unit: { id: commune.id, name: "Xã Một", branch: false }, period: "2019-H1", canReport: true, report: null });
  expect((await page(branch.id)).unit).toEqual({ id: branch.id, name: "Chi hội Ấp Một", branch: true });

  const households = { households: "300", householdsWithMember: "250" };
  for (const unit of [commune, branch]) expect(await edit(routeArgs(post(`/org/membership/edit?unit=${unit.id}&period=2019-H1`, { ...figures, ...households }), organizer))).toMatchObject({ saved: "membership.saved" });
  expect((await page(commune.id)).report).toMatchObject({ members: 1_100, households: null, householdsWithMember: null });
  expect((await page(branch.id)).report).toMatchObject({ members: 1_100, households: 300, householdsWithMember: 250 });
  expect(statusOf(await outcome(async () => editPage(routeArgs(get(`/org/membership/edit?unit=${commune.id}`), organizer))))).toBe(400);
});

test("the overview names its unit, which is entered by sums, not by hand, while its communes are; a malformed period is a bad request", async () => {
  const { district, commune } = await tree("MH");
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const view = (await overview(routeArgs(get(`/org/membership?unit=${district.id}&period=2019-H1`), organizer))) as Awaited<ReturnType<typeof overview>>;
  expect(view.unit).toEqual({ id: district.id, name: "Huyện", parentId: null, canEnter: false });
  expect(view.period).toBe("2019-H1");
  expect(view.overview.rows.map((r) => [r.id, r.canEnter])).toEqual([[commune.id, true]]);
  const atCommune = (await overview(routeArgs(get(`/org/membership?unit=${commune.id}&period=2019-H1`), organizer))) as Awaited<ReturnType<typeof overview>>;
  expect(atCommune.unit).toEqual({ id: commune.id, name: "Xã Một", parentId: district.id, canEnter: true });
  expect(statusOf(await outcome(async () => overview(routeArgs(get(`/org/membership?unit=${district.id}&period=2019-H3`), organizer))))).toBe(400);
});

test("the models page of the unit asked for offers its open branches by name; an unknown intent, a missing model and an end without its day are refused", async () => {
  const { district, commune, branch } = await tree("MP");
  await ensureUnit(db, { code: "MPB3", name: "Chi hội Đã Nhập", level: "branch", kind: "ap", parent: commune, validTo: new Date("2024-01-01T00:00:00+07:00") });
  await ensureUnit(db, { code: "MPB4", name: "Chi hội Sắp Nhập", level: "branch", kind: "ap", parent: commune, validTo: new Date(Date.now() + 365 * 86_400_000) });
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const path = `/org/models?unit=${commune.id}`;
  const view = (await modelsPage(routeArgs(get(path), organizer))) as Awaited<ReturnType<typeof modelsPage>>;
  expect(view.unit).toEqual({ id: commune.id, name: "Xã Một" });
  expect(view.branches.map((b) => b.name)).toEqual(["Chi hội Sắp Nhập", "Chi hội Ấp Hai", "Chi hội Ấp Một"]);

  const refused = await outcome(async () => models(routeArgs(post(path, { intent: "khong-co" }), organizer)));
  expect(statusOf(refused)).toBe(400);
  expect((refused as { data: unknown }).data).toBeNull();
  expect(statusOf(await outcome(async () => models(routeArgs(post(path, { intent: "effective" }), organizer))))).toBe(404);
  await models(routeArgs(post(path, { intent: "create", unitId: branch.id, kind: "savings", name: "Tổ vay vốn", members: "10", startedOn: "01/02/2021" }), organizer));
  const created = await db.unionModel.findFirstOrThrow({ where: { unitId: branch.id }, select: { id: true } });
  expect(await outcome(async () => models(routeArgs(post(path, { intent: "end", modelId: created.id }), organizer)))).toMatchObject({ data: { intent: "end", modelId: created.id, errors: { endedOn: "models.error.date" } }, init: { status: 400 } });
});
