import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as pipeline from "./pipeline.tsx";
import * as stage from "./pipeline-stage.tsx";
import * as warnings from "./planning-warnings.tsx";

const term = "2025-2030";
let district: TreeUnit;
let commune: TreeUnit;
let neighbour: TreeUnit;
let organizer: Awaited<ReturnType<typeof contextFor>>;
let cadre: string;

beforeAll(async () => {
  await ensurePlanningDefaults(db);
  const province = await ensureUnit(db, { code: "OG0", name: "Tỉnh Ống", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "OG1", name: "Huyện Ống", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "OG11", name: "Xã Ống Một", level: "commune", kind: "xa", parent: district });
  await ensureUnit(db, { code: "OG12", name: "Xã Ống Hai", level: "commune", kind: "xa", parent: district });
  neighbour = await ensureUnit(db, { code: "OG2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  cadre = await createPersonWithRole(db, "learner", commune, "Đỗ Thị Cán Bộ");
  await db.positionHolding.create({ data: { userId: cadre, unitId: commune.id, position: "hoi_chu_tich", from: new Date("2020-01-01") } });
}, 120_000);

const read = <L extends (args: never) => unknown>(load: L, url: string, params: Record<string, string> = {}, context = organizer) =>
  outcome(() => load(routeArgs(get(url), context, params)));

test("the pipeline of a district: its figures, its communes on one page (a page past the last shows the last), and the term in force by default", async () => {
  const page = await read(pipeline.loader, `/org/pipeline?unit=${district.id}&page=9`);
  expect(page).toMatchObject({ unit: { id: district.id, name: "Huyện Ống", elects: true }, term, childCount: 2, page: 1, pages: 1, warnings: expect.objectContaining({ "women-share": 0 }) });
  const { total, children, terms } = page as Awaited<ReturnType<typeof pipeline.loader>>;
  expect(terms).toContain(term);
  expect(total.cadres).toEqual({ female: 1, male: 0 });
  expect(children.map((c) => [c.name, c.figures.cadres.female])).toEqual(expect.arrayContaining([["Xã Ống Một", 1], ["Xã Ống Hai", 0]]));
  const leaf = await read(pipeline.loader, `/org/pipeline?unit=${(await ensureUnit(db, { code: "OG11a", name: "Chi hội Ống", level: "branch", kind: "ap", parent: commune })).id}`);
  expect(leaf).toMatchObject({ unit: { elects: false }, children: [], childCount: 0, page: 1, pages: 1 });
  for (const unit of [neighbour.id, "khong-co"]) expect(statusOf(await read(pipeline.loader, `/org/pipeline?unit=${unit}`))).toBe(404);
  expect(statusOf(await read(pipeline.loader, `/org/pipeline?unit=${district.id}&term=1990-1995`))).toBe(404);
  expect(statusOf(await read(pipeline.loader, `/org/pipeline?unit=`))).toBe(400);
  const trainer = await contextFor(db, await createPersonWithRole(db, "trainer", district));
  expect(statusOf(await read(pipeline.loader, `/org/pipeline?unit=${district.id}`, {}, trainer))).toBe(403);
});

test("the people behind a figure, by stage and gender; an unknown stage is not found and an unknown gender a bad request", async () => {
  const url = (query: string) => `/org/pipeline/cadres?unit=${district.id}&term=${term}&${query}`;
  const women = await read(stage.loader, url("gender=female"), { stage: "cadres" });
  expect(women).toMatchObject({ unit: { id: district.id, name: "Huyện Ống" }, term, stage: "cadres", gender: "female", total: 1, page: 1, pages: 1 });
  expect((women as { rows: unknown[] }).rows).toEqual([{ id: cadre, name: "Đỗ Thị Cán Bộ", unit: "Xã Ống Một" }]);
  // A page past the last shows the last, with its rows.
  expect(await read(stage.loader, url("gender=female&page=9"), { stage: "cadres" })).toMatchObject({ page: 1, pages: 1, rows: [{ id: cadre }] });
  expect(await read(stage.loader, url("gender=male"), { stage: "cadres" })).toMatchObject({ gender: "male", total: 0, rows: [], page: 1, pages: 1 });
  expect(statusOf(await read(stage.loader, url("gender=female"), { stage: "khong-co" }))).toBe(404);
  expect(statusOf(await read(stage.loader, url("gender=khac"), { stage: "cadres" }))).toBe(400);
});

test("the warnings of a subtree name the unit and the term", async () => {
  const found = await read(warnings.loader, `/org/planning/warnings?unit=${district.id}&term=${term}`);
  expect(found).toMatchObject({ unit: { id: district.id, name: "Huyện Ống" }, term, lists: expect.any(Array), committees: expect.any(Array) });
  expect(statusOf(await read(warnings.loader, `/org/planning/warnings?unit=${neighbour.id}&term=${term}`))).toBe(404);
});
