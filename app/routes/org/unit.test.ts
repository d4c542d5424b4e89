import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./unit.tsx";

let counter = 0;
const tree = async () => {
  counter += 1;
  const province = await ensureUnit(db, { code: `OU${counter}`, name: "Tỉnh Chi Hội", level: "province", kind: "tinh", parent: null });
  const district = await ensureUnit(db, { code: `OU${counter}1`, name: "Huyện Của Mình", level: "district", kind: "huyen", parent: province });
  const commune = await ensureUnit(db, { code: `OU${counter}11`, name: "Xã Của Mình", level: "commune", kind: "xa", parent: district });
  const other = await ensureUnit(db, { code: `OU${counter}21`, name: "Xã Bên Cạnh", level: "commune", kind: "xa", parent: province });
  return { province, district, commune, other };
};
const load = async (userId: string | null, id: string) => outcome(async () => loader(routeArgs(get(`/org/units/${id}`), await contextFor(db, userId), { id })));
const send = async (userId: string | null, id: string, fields: Record<string, string>) =>
  outcome(async () => action(routeArgs(post(`/org/units/${id}`, fields), await contextFor(db, userId), { id })));
const branch = { intent: "create", code: "A1", name: "Chi hội Ấp Một", level: "branch", kind: "ap", validFrom: "" };

test("a district organizer adds a hamlet branch to a commune of her district, and it is listed there", async () => {
  const { district, commune } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const created = (await send(organizer, commune.id, branch)) as Response;
  expect(created.status).toBe(302);
  expect(created.headers.get("Location")).toBe(`/org/units/${commune.id}?saved`);
  const page = (await load(organizer, commune.id)) as { children: { name: string; kind: string }[]; actions: string[]; saved: boolean };
  expect(page.children.map((c) => [c.name, c.kind])).toEqual([["Chi hội Ấp Một", "ap"]]);
  expect(page.actions).toEqual(["create"]);
  expect(page.saved).toBe(false);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "unit.create", actorId: organizer }, select: { unitPath: true } });
  expect(audit.unitPath.startsWith(commune.path)).toBe(true);
});

test("a bad form comes back with field errors and the values typed, status 400, and nothing is created", async () => {
  const { district, commune } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const result = (await send(organizer, commune.id, { ...branch, name: "X", validFrom: "31/02/2025" })) as { data: unknown };
  expect(statusOf(result)).toBe(400);
  expect(result.data).toEqual({ intent: "create", errors: { name: "units.error.name", validFrom: "units.error.date" }, values: { ...branch, name: "X", validFrom: "31/02/2025" } });
  expect(statusOf(await send(organizer, commune.id, { ...branch, level: "commune", kind: "xa" }))).toBe(400);
  expect(await db.orgUnit.count({ where: { parentId: commune.id } })).toBe(0);
});

test("units outside her scope and unknown ids are both 404; admin intents and changing her own district are refused", async () => {
  const { province, district, commune, other } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  for (const id of [other.id, province.id, "nope"]) {
    expect(statusOf(await load(organizer, id))).toBe(404);
    expect(statusOf(await send(organizer, id, branch))).toBe(404);
  }
  expect(statusOf(await send(organizer, commune.id, { intent: "move", parentCode: "x" }))).toBe(400);
  expect(statusOf(await send(organizer, commune.id, { intent: "rename", name: "Xã Đổi Tên" }))).toBe(400);
  expect(statusOf(await send(organizer, district.id, { intent: "close", validTo: "2026-01-01" }))).toBe(400);
  // Branches go into communes, not straight below a district.
  expect(((await load(organizer, district.id)) as { actions: string[] }).actions).toEqual([]);
  expect(statusOf(await send(organizer, district.id, branch))).toBe(400);
  expect(await db.orgUnit.count({ where: { parentId: other.id } })).toBe(0);
});

test("learners and trainers manage no branches; nobody signed in is sent to sign in", async () => {
  const { commune } = await tree();
  for (const role of ["learner", "trainer"] as const) {
    const user = await createPersonWithRole(db, role, commune);
    expect(statusOf(await load(user, commune.id))).toBe(403);
    expect(statusOf(await send(user, commune.id, branch))).toBe(403);
  }
  expect(((await load(null, commune.id)) as Response).headers.get("Location")).toContain("/login?redirectTo=");
});

test("she renames and closes a branch on its own page", async () => {
  const { district, commune } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const hamlet = await ensureUnit(db, { code: "K1", name: "Chi hội Khóm 1", level: "branch", kind: "khom", parent: commune });
  expect(((await load(organizer, hamlet.id)) as { actions: string[] }).actions).toEqual(["create", "rename", "close"]);
  expect(((await send(organizer, hamlet.id, { intent: "rename", name: "Chi hội Khóm Một" })) as Response).headers.get("Location")).toBe(`/org/units/${hamlet.id}?saved`);
  expect(statusOf(await send(organizer, hamlet.id, { intent: "close", validTo: "2026-01-01" }))).toBe(302);
  expect(await db.orgUnit.findUniqueOrThrow({ where: { id: hamlet.id }, select: { name: true, validTo: true } })).toEqual({ name: "Chi hội Khóm Một", validTo: new Date("2025-12-31T17:00:00Z") });
});
