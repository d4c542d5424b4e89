import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./models.tsx";

let commune: TreeUnit;
let branch: TreeUnit;
let branch2: TreeUnit;
let organizer: Awaited<ReturnType<typeof contextFor>>;
let modelId: string;

beforeAll(async () => {
  commune = await ensureUnit(db, { code: "MH1", name: "Xã Mô Hình", level: "commune", kind: "xa", parent: null });
  branch = await ensureUnit(db, { code: "MH1a", name: "Chi hội Ấp Một", level: "branch", kind: "ap", parent: commune });
  branch2 = await ensureUnit(db, { code: "MH1b", name: "Chi hội Ấp Hai", level: "branch", kind: "ap", parent: commune });
  const closed = await ensureUnit(db, { code: "MH1c", name: "Chi hội Đã Đóng", level: "branch", kind: "ap", parent: commune });
  await db.orgUnit.update({ where: { id: closed.id }, data: { validTo: new Date("2020-01-01") } });
  organizer = await contextFor(db, await createPersonWithRole(db, "organizer", commune));
  modelId = (await db.unionModel.create({ data: { unitId: branch.id, kind: "club", name: "Câu lạc bộ Ấp Một", members: 20, startedOn: new Date("2020-01-01T00:00:00+07:00") }, select: { id: true } })).id;
}, 120_000);

const path = () => `/org/models?unit=${commune.id}`;
const send = (fields: Record<string, string>, context = organizer) => outcome(() => action(routeArgs(post(path(), fields), context)));
const errors = (result: unknown) => (result as { data: { errors: Record<string, string> } }).data.errors;

test("the page lists the unit's models and the open branches she may add one to, by name", async () => {
  const page = await loader(routeArgs(get(path()), organizer));
  expect(page.unit).toEqual({ id: commune.id, name: "Xã Mô Hình" });
  expect(page.branches).toEqual([{ id: branch2.id, name: "Chi hội Ấp Hai" }, { id: branch.id, name: "Chi hội Ấp Một" }]);
  expect(page.models.map((m) => m.id)).toContain(modelId);
  const trainer = await contextFor(db, await createPersonWithRole(db, "trainer", commune));
  expect(statusOf(await outcome(() => loader(routeArgs(get(path()), trainer))))).toBe(403);
});

test("a new model: a bad form names each field, with the values kept; a good one is created in the branch", async () => {
  const model = { intent: "create", unitId: branch2.id, kind: "savings", name: "Tổ tiết kiệm", members: "12", startedOn: "15/03/2021" };
  const bad = await send({ ...model, unitId: "khong-co", name: "", startedOn: "hôm nay" });
  expect(statusOf(bad)).toBe(400);
  expect(bad).toMatchObject({ data: { intent: "create", modelId: null, errors: { unitId: "models.error.unit", name: "models.error.name", startedOn: "models.error.date" }, values: { name: "" } } });
  expect(await send(model)).toEqual({ intent: "create", modelId: null, errors: {}, values: {} });
  expect(await db.unionModel.count({ where: { unitId: branch2.id, name: "Tổ tiết kiệm" } })).toBe(1);
});

test("ending a model: a bad day or one before it started is refused, then it is ended on the day given", async () => {
  expect(errors(await send({ intent: "end", modelId, endedOn: "" }))).toEqual({ endedOn: "models.error.date" });
  expect(errors(await send({ intent: "end", modelId, endedOn: "01/01/2020" }))).toEqual({ endedOn: "models.error.endBeforeStart" });
  expect(await send({ intent: "end", modelId, endedOn: "02/01/2020" })).toEqual({ intent: "end", modelId, errors: {}, values: {} });
  expect((await db.unionModel.findUniqueOrThrow({ where: { id: modelId } })).endedOn).toEqual(new Date("2020-01-02T00:00:00+07:00"));
});

test("replicating: not in its own branch nor outside; elsewhere it keeps its kind and, unless renamed, its name", async () => {
  const copy = { intent: "replicate", modelId, unitId: branch.id, members: "8", startedOn: "01/06/2021" };
  expect(errors(await send(copy))).toEqual({ unitId: "models.error.sameUnit" });
  expect(errors(await send({ ...copy, unitId: "khong-co" }))).toEqual({ unitId: "models.error.unit" });
  expect(errors(await send({ ...copy, unitId: branch2.id, members: "-1" }))).toEqual({ members: "models.error.members" });
  expect(await send({ ...copy, unitId: branch2.id })).toEqual({ intent: "replicate", modelId, errors: {}, values: {} });
  expect(await db.unionModel.findFirstOrThrow({ where: { replicatedFromId: modelId }, select: { unitId: true, kind: true, name: true, members: true } })).toEqual({
    unitId: branch2.id,
    kind: "club",
    name: "Câu lạc bộ Ấp Một",
    members: 8,
  });
  expect(statusOf(await send({ intent: "effective", modelId: "khong-co" }))).toBe(404);
  expect(statusOf(await send({ intent: "khong-co", modelId }))).toBe(400);
});
