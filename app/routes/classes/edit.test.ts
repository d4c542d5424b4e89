import { beforeAll, expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { rosterLimit } from "#app/classes/classes.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as edit from "./edit.tsx";
import * as recorded from "./recorded.tsx";

let commune: TreeUnit;
let trainerId: string;
let trainer: Awaited<ReturnType<typeof contextFor>>;
let attendee: string;
let courseId: string;
beforeAll(async () => {
  const district = await ensureUnit(db, { code: "SL1", name: "Huyện Sửa Lớp Trang", level: "district", kind: "huyen", parent: null });
  commune = await ensureUnit(db, { code: "SL11", name: "Xã Sửa Lớp Trang", level: "commune", kind: "xa", parent: district });
  trainerId = await createPersonWithRole(db, "trainer", district);
  trainer = await contextFor(db, trainerId);
  attendee = (await upsertPerson(db, { name: "Ngô Thị Sửa", phone: "0966000101", gender: "female", unitId: commune.id }, null)).id;
  courseId = (await getCatalog()).bySlug.get("hoa-giai-o-co-so")!.id;
}, 120_000);

const newClass = async () =>
  (await db.classSession.create({ data: { courseId, unitId: commune.id, heldOn: new Date("2025-03-14T17:00:00Z"), place: "Hội trường", recordedById: trainerId, attendance: { create: { userId: attendee } } }, select: { id: true } })).id;
const send = (id: string, fields: [string, string][]) =>
  outcome(() => edit.action(routeArgs(new Request(`http://localhost/classes/${id}`, { method: "POST", body: new URLSearchParams(fields) }), trainer, { id })));

test("the edit page shows the class as recorded; a bad form comes back with its errors, status 400, and changes nothing", async () => {
  const id = await newClass();
  const page = await edit.loader(routeArgs(get(`/classes/${id}`), trainer, { id }));
  expect(page).toMatchObject({ session: { place: "Hội trường", attendees: [attendee] }, rosterCut: null, saved: false });
  expect(page.roster.map((p) => p.id)).toContain(attendee);
  expect(await send(id, [["intent", "save"], ["heldOn", "31/02/2025"], ["place", "x"]])).toMatchObject({
    data: { errors: { heldOn: "classes.error.date", place: "classes.error.place", attendees: "classes.error.attendees" }, values: { heldOn: "31/02/2025" } },
    init: { status: 400 },
  });
  expect(await send(id, [["intent", "delete"]])).toMatchObject({ data: { errors: { confirm: "classes.error.confirm" } }, init: { status: 400 } });
  expect(statusOf(await send(id, [["intent", "bay-gio"]]))).toBe(400);
  expect(await db.classSession.findUniqueOrThrow({ where: { id }, select: { place: true } })).toEqual({ place: "Hội trường" });
});

test("a saved change and a deletion go back to the class and to the list; an unknown id is 404", async () => {
  const id = await newClass();
  const saved = (await send(id, [["intent", "save"], ["heldOn", "16/03/2025"], ["place", "Nhà văn hóa ấp"], ["attendees", attendee]])) as Response;
  expect(saved.headers.get("Location")).toBe(`/classes/${id}?saved=1`);
  expect(await db.classSession.findUniqueOrThrow({ where: { id }, select: { place: true } })).toEqual({ place: "Nhà văn hóa ấp" });
  const list = await recorded.loader(routeArgs(get("/classes/recorded"), trainer));
  expect(list.list.map((c) => c.id)).toContain(id);
  const deleted = (await send(id, [["intent", "delete"], ["confirm", "on"]])) as Response;
  expect(deleted.headers.get("Location")).toBe("/classes/recorded?deleted=1");
  expect(await db.classSession.count({ where: { id } })).toBe(0);
  expect(statusOf(await send(id, [["intent", "delete"], ["confirm", "on"]]))).toBe(404);
  expect(statusOf(await outcome(() => edit.loader(routeArgs(get(`/classes/${id}`), trainer, { id }))))).toBe(404);
});

test("in a unit with more cadres than the roster lists, the edit page says how many it shows of how many, the class's attendee listed, and that no unit below reaches the others", async () => {
  const big = await ensureUnit(db, { code: "SL111", name: "Chi hội Đông Cán Bộ", level: "branch", kind: "ap", parent: commune });
  const last = (await upsertPerson(db, { name: "Ý Thị Cuối", phone: "0966000102", gender: "female", unitId: big.id }, null)).id;
  await db.user.createMany({ data: Array.from({ length: rosterLimit + 1 }, (_, i) => ({ name: `An Thị ${i}`, gender: "female", unitId: big.id })) });
  const { id } = await db.classSession.create({ data: { courseId, unitId: big.id, heldOn: new Date("2025-03-14T17:00:00Z"), place: "Nhà văn hóa", recordedById: trainerId, attendance: { create: { userId: last } } }, select: { id: true } });
  const page = await edit.loader(routeArgs(get(`/classes/${id}`), trainer, { id }));
  // The first 500 by name and the class's attendee past them: 501 of 502.
  // A branch with no units below: the notice sends nobody back to this same roster.
  expect(page.rosterCut).toEqual({ shown: rosterLimit + 1, total: rosterLimit + 2, kept: 1, unitsBelow: false });
  expect(page.roster.map((p) => p.id)).toContain(last);
  expect(page.session.unitId).toBe(big.id);
});
