import { beforeAll, expect, test } from "vitest";
import { getCatalog } from "#app/courses/catalog-instance.server.ts";
import { coursesForUnit } from "#app/courses/requirements.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import * as catalogPage from "../learn/catalog.tsx";
import * as coursePage from "../learn/course.tsx";
import * as required from "./required.tsx";

const slug = "hoa-giai-o-co-so";
let district: TreeUnit;
let neighbour: TreeUnit;
let organizer: Awaited<ReturnType<typeof contextFor>>;
beforeAll(async () => {
  const province = await ensureUnit(db, { code: "RR0", name: "Tỉnh Giao Việc", level: "province", kind: "tinh", parent: null });
  district = await ensureUnit(db, { code: "RR1", name: "Huyện Giao Việc", level: "district", kind: "huyen", parent: province });
  neighbour = await ensureUnit(db, { code: "RR2", name: "Huyện Bên Cạnh", level: "district", kind: "huyen", parent: province });
  organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
});

const assign = (fields: Record<string, string>) =>
  outcome(() => required.action(routeArgs(post("/org/required", { intent: "assign", unit: district.id, course: slug, position: "", ...fields }), organizer)));
const nextMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

test("an organizer requires a course of her district; its learners see it with the date, the page counts them", async () => {
  const dueOn = nextMonth();
  expect(((await assign({ dueOn })) as Response).headers.get("Location")).toBe(`/org/required?unit=${district.id}`);
  const learner = await contextFor(db, await createPersonWithRole(db, "learner", district));
  const shown = (await catalogPage.loader(routeArgs(get("/courses"), learner))).courses.find((c) => c.slug === slug);
  expect(shown?.required).toEqual({ dueOn: new Date(`${dueOn}T00:00:00+07:00`).toISOString(), overdue: false });
  expect((await coursePage.loader(routeArgs(get(`/courses/${slug}`), learner, { slug }))).required).toMatchObject({ overdue: false });
  const outside = await contextFor(db, await createPersonWithRole(db, "learner", neighbour));
  expect((await catalogPage.loader(routeArgs(get("/courses"), outside))).courses.find((c) => c.slug === slug)?.required).toBeNull();

  const page = await required.loader(routeArgs(get(`/org/required?unit=${district.id}`), organizer));
  expect(page.requirements).toMatchObject([{ position: null, setOn: "Huyện Giao Việc", standing: { people: 2, done: 0, notDone: 2, overdue: 0 }, removable: true }]);

  const remove = await outcome(() => required.action(routeArgs(post("/org/required", { intent: "remove", unit: district.id, requirement: page.requirements[0]!.id }), organizer)));
  expect((remove as Response).headers.get("Location")).toBe(`/org/required?unit=${district.id}`);
  expect((await required.loader(routeArgs(get(`/org/required?unit=${district.id}`), organizer))).requirements).toEqual([]);
});

test("a bad form comes back with its values and Vietnamese field errors, and changes nothing", async () => {
  const before = await db.courseRequirement.count();
  expect(await assign({ course: "khong-co", position: "thu_ky", dueOn: "31/02/2026" })).toMatchObject({
    data: {
      errors: { course: "required.courseInvalid", position: "required.positionInvalid", dueOn: "required.dueInvalid" },
      values: { course: "khong-co", position: "thu_ky", dueOn: "31/02/2026" },
    },
    init: { status: 400 },
  });
  expect(await assign({ dueOn: "01/01/2020" })).toMatchObject({ data: { errors: { dueOn: "required.duePast" } }, init: { status: 400 } });
  expect(((await assign({ dueOn: "01/01/2020" })) as { data: { errors: object } }).data.errors).toEqual({ dueOn: "required.duePast" });
  expect(statusOf(await assign({ intent: "khong-co" }))).toBe(400);
  expect(await db.courseRequirement.count()).toBe(before);
});

test("a unit or requirement outside her district is answered like one that does not exist", async () => {
  for (const unit of [neighbour.id, "khong-co-don-vi"]) {
    expect(statusOf(await outcome(() => required.loader(routeArgs(get(`/org/required?unit=${unit}`), organizer))))).toBe(404);
    expect(statusOf(await assign({ unit, dueOn: nextMonth() }))).toBe(404);
  }
  const theirs = await db.courseRequirement.create({
    data: { courseId: (await db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id, unitId: neighbour.id, dueOn: new Date(), createdById: "x" },
  });
  for (const id of [theirs.id, "khong-co"]) {
    const remove = () => required.action(routeArgs(post("/org/required", { intent: "remove", unit: district.id, requirement: id }), organizer));
    expect(statusOf(await outcome(remove))).toBe(404);
    expect(statusOf(await outcome(() => required.loader(routeArgs(get(`/org/required?unit=${district.id}&requirement=${id}`), organizer))))).toBe(404);
  }
  expect(await db.courseRequirement.count({ where: { id: theirs.id } })).toBe(1);
  const trainer = await contextFor(db, await createPersonWithRole(db, "trainer", district));
  expect(statusOf(await outcome(() => required.loader(routeArgs(get("/org/required"), trainer))))).toBe(403);
});

test("a requirement past its date lists, for a position, who holds it and has not completed the course", async () => {
  const { id: courseId, title } = await db.course.findUniqueOrThrow({ where: { slug }, select: { id: true, title: true } });
  const commune = await ensureUnit(db, { code: "RR11", name: "Xã Quá Hạn", level: "commune", kind: "xa", parent: district });
  const holder = await createPersonWithRole(db, "learner", commune, "Mai Thị Quá Hạn");
  await db.positionHolding.create({ data: { userId: holder, unitId: commune.id, position: "hoi_chu_tich", from: new Date("2020-01-01") } });
  await createPersonWithRole(db, "learner", commune, "Không Giữ Chức Vụ");
  const dueOn = new Date("2024-01-31T00:00:00+07:00");
  const requirement = await db.courseRequirement.create({ data: { courseId, unitId: district.id, position: "hoi_chu_tich", dueOn, createdById: "x" }, select: { id: true } });
  const page = await required.loader(routeArgs(get(`/org/required?unit=${district.id}&requirement=${requirement.id}`), organizer));
  expect(page.requirements).toContainEqual({
    id: requirement.id,
    course: title,
    position: "hoi_chu_tich",
    setOn: "Huyện Giao Việc",
    dueOn: dueOn.toISOString(),
    standing: { people: 1, done: 0, notDone: 1, overdue: 1 },
    removable: true,
  });
  expect(page.overdue).toEqual({ requirementId: requirement.id, course: title, rows: [{ id: holder, name: "Mai Thị Quá Hạn", unit: "Xã Quá Hạn", positions: ["hoi_chu_tich"] }], total: 1, pages: 1, page: 1 });
  const pastTheEnd = await required.loader(routeArgs(get(`/org/required?unit=${district.id}&requirement=${requirement.id}&page=9`), organizer));
  expect(pastTheEnd.overdue).toMatchObject({ page: 1, pages: 1, rows: [{ id: holder }] });
  expect((await required.loader(routeArgs(get(`/org/required?unit=${district.id}`), organizer))).overdue).toBeNull();
  expect(statusOf(await outcome(() => required.loader(routeArgs(get(`/org/required?unit=`), organizer))))).toBe(400);
});

test("the page names its unit and the courses it may require; a position the app no longer knows shows as none, a course not in the catalog without a title", async () => {
  const draft = await db.course.create({
    data: { slug: "khoa-chua-xuat-ban", title: "Khóa chưa xuất bản", summary: "", estimatedMinutes: 5, passMark: 80, version: 0, contentHash: "", source: "app", ownerUnitId: district.id },
  });
  const requirement = await db.courseRequirement.create({ data: { courseId: draft.id, unitId: district.id, position: "chuc-vu-cu", dueOn: new Date("2030-01-01T00:00:00+07:00"), createdById: "x" }, select: { id: true } });
  const page = await required.loader(routeArgs(get(`/org/required?unit=${district.id}`), organizer));
  expect(page.unit).toEqual({ id: district.id, name: "Huyện Giao Việc" });
  const catalog = await getCatalog();
  expect(catalog.bySlug.has("khoa-chua-xuat-ban")).toBe(false);
  expect(page.courses).toEqual(coursesForUnit(catalog.courses, district).map((c) => ({ slug: c.slug, title: c.title })));
  expect(page.courses.map((c) => c.slug)).toContain(slug);
  expect(page.requirements.find((r) => r.id === requirement.id)).toMatchObject({ course: "", position: null, setOn: "Huyện Giao Việc" });
  await db.courseRequirement.delete({ where: { id: requirement.id } });
});
