import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { loader } from "./dashboard.tsx";

const tree = async () => {
  const province = await ensureUnit(db, { code: "OR0", name: "Tỉnh Báo Cáo", level: "province", kind: "tinh", parent: null });
  const district = await ensureUnit(db, { code: "OR1", name: "Huyện Của Mình", level: "district", kind: "huyen", parent: province });
  const commune = await ensureUnit(db, { code: "OR11", name: "Xã Của Mình", level: "commune", kind: "xa", parent: district });
  const other = await ensureUnit(db, { code: "OR2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  return { province, district, commune, other };
};
const report = async (userId: string | null, unitId: string) =>
  outcome(async () => loader(routeArgs(get(`/org?unit=${unitId}`), await contextFor(db, userId))));

test("a district organizer reads her district and the units below it, and not the neighbouring district or the province", async () => {
  const { province, district, commune, other } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  expect(((await report(organizer, district.id)) as { unit: { name: string } }).unit.name).toBe("Huyện Của Mình");
  expect(((await report(organizer, commune.id)) as { unit: { name: string } }).unit.name).toBe("Xã Của Mình");
  expect(statusOf(await report(organizer, other.id))).toBe(404);
  expect(statusOf(await report(organizer, province.id))).toBe(404);
});

test("learners and trainers read no report, and nobody signed in is sent to sign in", async () => {
  const { district } = await tree();
  for (const role of ["learner", "trainer"] as const) expect(statusOf(await report(await createPersonWithRole(db, role, district), district.id))).toBe(403);
  const anonymous = (await report(null, district.id)) as Response;
  expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/org?unit=${district.id}`)}`);
});
