import { expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { coursesForUnit } from "#app/courses/requirements.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { loader } from "./dashboard.tsx";

type Report = Exclude<Awaited<ReturnType<typeof loader>>, Response>;

const tree = async () => {
  const province = await ensureUnit(db, { code: "OR0", name: "Tỉnh Báo Cáo", level: "province", kind: "tinh", parent: null });
  const district = await ensureUnit(db, { code: "OR1", name: "Huyện Của Mình", level: "district", kind: "huyen", parent: province });
  const commune = await ensureUnit(db, { code: "OR11", name: "Xã Của Mình", level: "commune", kind: "xa", parent: district });
  const other = await ensureUnit(db, { code: "OR2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  return { province, district, commune, other };
};
const report = async (userId: string | null, query: string) => outcome(async () => loader(routeArgs(get(`/org?${query}`), await contextFor(db, userId))));

test("a district organizer reads her district and the units below it; the neighbouring district, the province and an unknown unit are all not found", async () => {
  const { province, district, commune, other } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  expect(((await report(organizer, `unit=${district.id}`)) as Report).unit.name).toBe("Huyện Của Mình");
  expect(((await report(organizer, `unit=${commune.id}`)) as Report).unit.name).toBe("Xã Của Mình");
  for (const unit of [other.id, province.id, "khong-co"]) expect(statusOf(await report(organizer, `unit=${unit}`))).toBe(404);
  expect(statusOf(await report(organizer, `unit=${district.id}&day=2025-02-30`))).toBe(400);
});

test("learners and trainers read no report, and nobody signed in is sent to sign in", async () => {
  const { district } = await tree();
  for (const role of ["learner", "trainer"] as const) expect(statusOf(await report(await createPersonWithRole(db, role, district), `unit=${district.id}`))).toBe(403);
  const anonymous = (await report(null, `unit=${district.id}`)) as Response;
  expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/org?unit=${district.id}`)}`);
});

test("one level at a time: the unit's children with their sums, breadcrumbs from the reader's scope down", async () => {
  const { province, district, commune } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const branch = await ensureUnit(db, { code: "OR11a", name: "Chi hội Ấp Một", level: "branch", kind: "ap", parent: commune });
  await createPersonWithRole(db, "learner", branch, "Cán Bộ Ấp");

  const atDistrict = (await report(organizer, `unit=${district.id}`)) as Report;
  expect(atDistrict.trail.map((u) => u.name)).toEqual(["Huyện Của Mình"]);
  expect(atDistrict.level.children).toEqual([{ id: commune.id, name: "Xã Của Mình", people: 1, completed: 0 }]);
  // The organizer herself (and the people of the tests above) have the district as home unit: counted there, not in a child.
  const atDistrictItself = await db.user.count({ where: { unitId: district.id } });
  expect(atDistrictItself).toBeGreaterThan(0);
  expect(atDistrict.level.own).toEqual({ people: atDistrictItself, completed: 0 });
  expect(atDistrict.level.total).toEqual({ people: atDistrictItself + 1, completed: 0 });

  const atCommune = (await report(organizer, `unit=${commune.id}`)) as Report;
  expect(atCommune.trail.map((u) => u.name)).toEqual(["Huyện Của Mình", "Xã Của Mình"]);
  expect(atCommune.level.children.map((c) => c.name)).toEqual(["Chi hội Ấp Một"]);
  expect(atCommune.cadres.rows.map((r) => r.name)).toEqual(["Cán Bộ Ấp"]);

  const provinceOrganizer = await createPersonWithRole(db, "organizer", province);
  expect(((await report(provinceOrganizer, `unit=${commune.id}`)) as Report).trail.map((u) => u.name)).toEqual(["Tỉnh Báo Cáo", "Huyện Của Mình", "Xã Của Mình"]);
});

test("on a day after the unit closed: it says so, names the successors (a link only where the reader may go) and lists its closed children apart", async () => {
  const merged = new Date("2025-07-01T00:00:00+07:00");
  const old = await ensureUnit(db, { code: "OLD", name: "Tỉnh Cũ", level: "province", kind: "tinh", parent: null, validTo: merged });
  const oldDistrict = await ensureUnit(db, { code: "OLD1", name: "Huyện Cũ", level: "district", kind: "huyen", parent: old, validTo: merged });
  const oldCommune = await ensureUnit(db, { code: "OLD11", name: "Xã Cũ", level: "commune", kind: "xa", parent: oldDistrict, validTo: merged });
  const next = await ensureUnit(db, { code: "NEW", name: "Tỉnh Mới", level: "province", kind: "tinh", parent: null, validFrom: merged });
  const successor = await ensureUnit(db, { code: "NEW1", name: "Xã Mới", level: "commune", kind: "xa", parent: next, validFrom: merged });
  await db.unitSuccession.create({ data: { predecessorId: oldCommune.id, successorId: successor.id, effectiveOn: merged, legalBasis: "NQ 1655" } });
  const organizer = await createPersonWithRole(db, "organizer", old);

  const today = (await report(organizer, `unit=${old.id}&day=2026-01-15`)) as Report;
  expect(today.unit.closed).toEqual({ on: "2025-07-01", lastDay: "2025-06-30" });
  expect(today.successors).toEqual([{ id: successor.id, name: "Xã Mới", readable: false }]);
  expect(today.level.children).toEqual([]);
  expect(today.level.elsewhere).toEqual([{ id: oldDistrict.id, name: "Huyện Cũ", formed: null, closed: { on: "2025-07-01", lastDay: "2025-06-30" } }]);

  const lastDay = (await report(organizer, `unit=${old.id}&day=2025-06-30`)) as Report;
  expect(lastDay.unit.closed).toBeNull();
  expect(lastDay.level.children.map((c) => c.name)).toEqual(["Huyện Cũ"]);

  const both = await createPersonWithRole(db, "organizer", next);
  await db.roleAssignment.create({ data: { userId: both, role: "organizer", unitId: old.id } });
  expect(((await report(both, `unit=${old.id}&day=2026-01-15`)) as Report).successors).toEqual([{ id: successor.id, name: "Xã Mới", readable: true }]);
});

test("the course asked for by its slug, else the first the unit can learn; a unit formed after the day says when; a page past the last is the last", async () => {
  const { district } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const courses = coursesForUnit((await getCatalog()).courses, district);
  expect(courses.length).toBeGreaterThan(1);
  const [first, second] = [courses[0]!, courses[1]!];
  const plain = (await report(organizer, `unit=${district.id}`)) as Report;
  expect(plain.courses).toEqual(courses.map((c) => ({ id: c.id, slug: c.slug, title: c.title, lessons: c.lessons.length })));
  expect(plain.course).toEqual({ slug: first.slug, title: first.title });
  expect(((await report(organizer, `unit=${district.id}&course=${second.slug}`)) as Report).course).toEqual({ slug: second.slug, title: second.title });
  expect(((await report(organizer, `unit=${district.id}&course=khong-co`)) as Report).course).toEqual({ slug: first.slug, title: first.title });
  const past = (await report(organizer, `unit=${district.id}&page=99`)) as Report;
  expect(past.cadres.pages).toBe(1);
  expect(past.cadres.page).toBe(1);

  const formedOn = new Date("2025-07-01T00:00:00+07:00");
  const fresh = await ensureUnit(db, { code: "ORF", name: "Tỉnh Mới Lập", level: "province", kind: "tinh", parent: null, validFrom: formedOn, validTo: new Date("2030-01-01T00:00:00+07:00") });
  const founder = await createPersonWithRole(db, "organizer", fresh);
  expect(((await report(founder, `unit=${fresh.id}&day=2025-06-30`)) as Report).unit).toEqual({ id: fresh.id, name: "Tỉnh Mới Lập", formed: "2025-07-01", closed: null });
  expect(((await report(founder, `unit=${fresh.id}&day=2025-07-01`)) as Report).unit.formed).toBeNull();
  expect(((await report(founder, `unit=${fresh.id}&day=2029-12-31`)) as Report).unit.closed).toBeNull();
  expect(((await report(founder, `unit=${fresh.id}&day=2030-01-01`)) as Report).unit.closed).toEqual({ on: "2030-01-01", lastDay: "2029-12-31" });
});
