import { beforeAll, expect, test } from "vitest";
import { rosterLimit } from "#app/classes/classes.server.ts";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as orgClasses from "../org/classes.tsx";
import * as record from "./record.tsx";

// The shipped course whose rule says attending completes it (content/courses/…/course.mdx: attendance: completes).
const resolutions = "nghi-quyet-chi-thi-ve-cong-tac-phu-nu";
let district: TreeUnit;
let commune: TreeUnit;
let neighbour: TreeUnit;
let trainer: Awaited<ReturnType<typeof contextFor>>;
let attendee: string;
let courseId: string;
beforeAll(async () => {
  const province = await ensureUnit(db, { code: "GL0", name: "Tỉnh Ghi Lớp", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "GL1", name: "Huyện Ghi Lớp", level: "district", kind: "huyen", parent: province });
  commune = await ensureUnit(db, { code: "GL11", name: "Xã Ghi Lớp", level: "commune", kind: "xa", parent: district });
  neighbour = await ensureUnit(db, { code: "GL21", name: "Xã Huyện Khác", level: "commune", kind: "xa", parent: await ensureUnit(db, { code: "GL2", name: "Huyện Khác", level: "district", kind: "huyen", parent: province }) });
  trainer = await contextFor(db, await createPersonWithRole(db, "trainer", district));
  attendee = (await upsertPerson(db, { name: "Lâm Thị Dự", phone: "0966000001", gender: "female", unitId: commune.id }, null)).id;
  const course = (await getCatalog()).bySlug.get(resolutions)!;
  expect(course.rule.attendance).toBe("completes");
  courseId = course.id;
}, 120_000);

const send = (unit: string, fields: [string, string][], context = trainer) =>
  outcome(() => record.action(routeArgs(new Request(`http://localhost/classes?unit=${unit}`, { method: "POST", body: new URLSearchParams(fields) }), context)));

test("a trainer records a class held in a commune: sent again with its key it counts once, and the attendee completes the course", async () => {
  const { idempotencyKey, roster } = await record.loader(routeArgs(get(`/classes?unit=${commune.id}`), trainer));
  expect(roster.map((p) => p.id)).toContain(attendee);
  const fields: [string, string][] = [["idempotencyKey", idempotencyKey], ["courseId", courseId], ["heldOn", "20/05/2025"], ["place", "Hội trường UBND xã"], ["attendees", attendee]];
  const first = (await send(commune.id, fields)) as Response;
  const again = (await send(commune.id, fields)) as Response;
  expect(first.status).toBe(302);
  expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
  expect(await db.classSession.count({ where: { unitId: commune.id } })).toBe(1);
  const page = await record.loader(routeArgs(get(first.headers.get("Location")!), trainer));
  expect(page.recorded).toMatchObject({ attendees: 1, completed: 1 });
  expect(await db.certificate.count({ where: { userId: attendee, courseId, classSessionId: { not: null } } })).toBe(1);

  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const classes = await orgClasses.loader(routeArgs(get(`/org/classes?unit=${district.id}`), organizer));
  expect(classes).toMatchObject({ total: 1, attendees: 1, mayRecord: false, children: [{ id: commune.id, classes: 1, attendees: 1 }] });
});

test("a bad form comes back with the values ticked and its errors, status 400, and records nothing", async () => {
  const before = await db.classSession.count();
  const answer = await send(commune.id, [["courseId", courseId], ["heldOn", "32/01/2025"], ["place", ""], ["attendees", attendee]]);
  expect(answer).toMatchObject({
    data: { errors: { heldOn: "classes.error.date", place: "classes.error.place" }, values: { heldOn: "32/01/2025", attendees: [attendee] } },
    init: { status: 400 },
  });
  expect(await db.classSession.count()).toBe(before);
});

test("only trainers record, within their unit and below, and only for a commune or a branch", async () => {
  const fields: [string, string][] = [["courseId", courseId], ["heldOn", "20/05/2025"], ["place", "Hội trường"], ["attendees", attendee]];
  for (const role of ["learner", "organizer"] as const) {
    const someone = await contextFor(db, await createPersonWithRole(db, role, district));
    expect(statusOf(await outcome(() => record.loader(routeArgs(get(`/classes?unit=${commune.id}`), someone))))).toBe(403);
    expect(statusOf(await send(commune.id, fields, someone))).toBe(403);
  }
  for (const unit of [neighbour.id, "khong-co-don-vi"]) expect(statusOf(await send(unit, fields))).toBe(404);
  expect(statusOf(await send(district.id, fields))).toBe(400);
});

test("a form without a course or a place comes back with them blank; a malformed key is refused whole, before anything is recorded", async () => {
  const before = await db.classSession.count();
  const blank = (await send(commune.id, [["heldOn", "20/05/2025"]])) as { data: { values: unknown }; init: ResponseInit };
  expect(blank.init.status).toBe(400);
  expect(blank.data.values).toEqual({ courseId: "", heldOn: "20/05/2025", place: "", attendees: [] });
  const fields: [string, string][] = [["idempotencyKey", "khong-phai-khoa"], ["courseId", courseId], ["heldOn", "20/05/2025"], ["place", "Nhà văn hóa"], ["attendees", attendee]];
  expect(await send(commune.id, fields)).toEqual(expect.objectContaining({ data: { errors: {}, values: null, error: "error.400" }, init: expect.objectContaining({ status: 400 }) }));
  expect(await db.classSession.count()).toBe(before);
  const filled = (await send(commune.id, [["courseId", courseId], ["heldOn", "32/01/2025"], ["place", "Nhà văn hóa"]])) as { data: { values: unknown } };
  expect(filled.data.values).toEqual({ courseId, heldOn: "32/01/2025", place: "Nhà văn hóa", attendees: [] });
});

test("the classes report of the unit asked for: its name and trail from the reader's scope; only someone who also records classes is offered to record one", async () => {
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const atCommune = await orgClasses.loader(routeArgs(get(`/org/classes?unit=${commune.id}`), organizer));
  expect(atCommune).toMatchObject({ unit: { id: commune.id, name: "Xã Ghi Lớp" }, mayRecord: false });
  expect(atCommune.trail).toEqual([{ id: district.id, name: "Huyện Ghi Lớp" }, { id: commune.id, name: "Xã Ghi Lớp" }]);
  const admin = await contextFor(db, await createPersonWithRole(db, "admin", district));
  expect((await orgClasses.loader(routeArgs(get(`/org/classes?unit=${commune.id}`), admin))).mayRecord).toBe(true);
});

test("the form of a unit with more cadres than the roster lists says how many it shows of how many, and whether a unit below reaches the others; one that lists all of them does not", async () => {
  const big = await ensureUnit(db, { code: "GL12", name: "Xã Đông Cán Bộ", level: "commune", kind: "xa", parent: district });
  await db.user.createMany({ data: Array.from({ length: rosterLimit + 3 }, (_, i) => ({ name: `An Thị ${i}`, gender: "female", unitId: big.id })) });
  const page = await record.loader(routeArgs(get(`/classes?unit=${big.id}`), trainer));
  expect(page.roster).toHaveLength(rosterLimit);
  expect(page.rosterCut).toEqual({ shown: rosterLimit, total: rosterLimit + 3, kept: 0, unitsBelow: false });
  await ensureUnit(db, { code: "GL121", name: "Chi hội Đông Cán Bộ", level: "branch", kind: "ap", parent: big });
  expect((await record.loader(routeArgs(get(`/classes?unit=${big.id}`), trainer))).rosterCut).toMatchObject({ unitsBelow: true });
  expect((await record.loader(routeArgs(get(`/classes?unit=${commune.id}`), trainer))).rosterCut).toBeNull();
});
