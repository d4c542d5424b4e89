import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./units.tsx";

let counter = 0;
const tree = async () => {
  counter += 1;
  const province = await ensureUnit(db, { code: `AU${counter}`, name: "Tỉnh Quản Trị", level: "province", kind: "tinh", parent: null });
  const district = await ensureUnit(db, { code: `AU${counter}1`, name: "Huyện Một", level: "district", kind: "huyen", parent: province });
  const elsewhere = await ensureUnit(db, { code: `AU${counter}X`, name: "Tỉnh Khác", level: "province", kind: "tinh", parent: null });
  return { province, district, elsewhere };
};
const load = async (userId: string | null, query = "") => outcome(async () => loader(routeArgs(get(`/admin/units${query}`), await contextFor(db, userId))));
const send = async (userId: string | null, id: string, fields: Record<string, string>) =>
  outcome(async () => action(routeArgs(post(`/admin/units?unit=${id}`, fields), await contextFor(db, userId))));

test("an admin sees the units of her roles, then one level at a time", async () => {
  const { province, district } = await tree();
  const admin = await createPersonWithRole(db, "admin", province);
  expect(((await load(admin)) as { roots: { name: string }[] }).roots.map((r) => r.name)).toEqual(["Tỉnh Quản Trị"]);
  const page = (await load(admin, `?unit=${province.id}`)) as { page: { children: { id: string }[]; actions: string[] } };
  expect(page.page.children.map((c) => c.id)).toEqual([district.id]);
  // Her own top unit: she adds below it and merges into it, but does not rename, move or close it.
  expect(page.page.actions).toEqual(["create", "merge"]);
  expect(((await load(admin, `?unit=${district.id}`)) as { page: { actions: string[] } }).page.actions).toEqual(["create", "rename", "close", "move", "merge"]);
});

test("an admin creates a commune and renames it; a bad form is a 400 with field errors", async () => {
  const { province, district } = await tree();
  const admin = await createPersonWithRole(db, "admin", province);
  const created = (await send(admin, district.id, { intent: "create", code: "C1", name: "Xã Mới Lập", level: "commune", kind: "xa", validFrom: "2025-07-01" })) as Response;
  expect(created.headers.get("Location")).toBe(`/admin/units?unit=${district.id}&saved`);
  const commune = await db.orgUnit.findFirstOrThrow({ where: { parentId: district.id, code: "C1" }, select: { id: true } });
  expect(statusOf(await send(admin, commune.id, { intent: "rename", name: "Xã Đổi Tên" }))).toBe(302);
  expect((await db.orgUnit.findUniqueOrThrow({ where: { id: commune.id } })).name).toBe("Xã Đổi Tên");
  const bad = (await send(admin, district.id, { intent: "move", parentCode: "" })) as { data: { errors: unknown } };
  expect(statusOf(bad)).toBe(400);
  expect(bad.data.errors).toEqual({ parentCode: "units.error.parentNotFound" });
});

test("units outside her scope and unknown ids are 404; organizers and learners are refused", async () => {
  const { province, elsewhere } = await tree();
  const admin = await createPersonWithRole(db, "admin", province);
  for (const id of [elsewhere.id, "nope"]) {
    expect(statusOf(await load(admin, `?unit=${id}`))).toBe(404);
    expect(statusOf(await send(admin, id, { intent: "rename", name: "Tỉnh Đổi" }))).toBe(404);
  }
  for (const role of ["organizer", "learner"] as const) {
    const user = await createPersonWithRole(db, role, province);
    expect(statusOf(await load(user, `?unit=${province.id}`))).toBe(403);
    expect(statusOf(await send(user, province.id, { intent: "create", code: "Z", name: "Huyện Z", level: "district", kind: "huyen" }))).toBe(403);
  }
});
