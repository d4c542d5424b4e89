import { RouterContextProvider } from "react-router";
import { expect, test } from "vitest";
import { clientAddressHeader } from "#app/auth/client-address.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { middleware } from "#app/root.tsx";
import { action as login } from "#app/routes/auth/login.tsx";
import { action as changePassword, loader as passwordPage } from "#app/routes/account/password.tsx";
import * as auditRoute from "./audit.tsx";
import { loader as roster } from "./people.tsx";
import { action as personAction, loader as personLoader } from "./person.tsx";
import { action as accountAction } from "./person-account.tsx";

let n = 0;
let addresses = 0;
let phones = 0;
const tree = async () => {
  n += 1;
  const province = await ensureUnit(db, { code: `PP${n}`, name: "Tỉnh Cán Bộ", level: "province", kind: "tinh", parent: null });
  const district = await ensureUnit(db, { code: `PP${n}1`, name: "Huyện Của Chị", level: "district", kind: "huyen", parent: province });
  const commune = await ensureUnit(db, { code: `PP${n}11`, name: "Xã Của Chị", level: "commune", kind: "xa", parent: district });
  const other = await ensureUnit(db, { code: `PP${n}2`, name: "Huyện Bên Kia", level: "district", kind: "huyen", parent: province });
  const cadre = async (unit: { id: string }, name: string) =>
    (await upsertPerson(db, { name, phone: `0944${String(++phones).padStart(6, "0")}`, gender: "female", unitId: unit.id }, null)).id;
  return { province, district, commune, other, cadre };
};
const call = async <T,>(fn: (args: T) => unknown, request: Request, userId: string | null, params: Record<string, string> = {}) =>
  outcome(async () => fn(routeArgs<T>(request, await contextFor(db, userId), params)));

test("the roster lists the cadres of the organizer's subtree, searchable by name, and refuses other units", async () => {
  const { district, commune, other, cadre } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  await cadre(commune, "Thạch Thị Sa Rươl");
  await cadre(other, "Lý Thị Bên Kia");
  const list = (await call(roster, get(`/org/people?unit=${district.id}&q=Sa%20R`), organizer)) as { cadres: { total: number; rows: { name: string }[] } };
  expect(list.cadres.rows.map((r) => r.name)).toEqual(["Thạch Thị Sa Rươl"]);
  expect(statusOf(await call(roster, get(`/org/people?unit=${other.id}`), organizer))).toBe(404);
  expect(statusOf(await call(roster, get(`/org/people`), await createPersonWithRole(db, "trainer", district)))).toBe(403);
});

test("a cadre outside the scope and an unknown id get the same 404", async () => {
  const { district, other, cadre } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const outside = await cadre(other, "Ngô Thị Ngoài");
  expect(statusOf(await call(personLoader, get(`/org/people/${outside}`), organizer, { id: outside }))).toBe(404);
  expect(statusOf(await call(personLoader, get(`/org/people/khong-co`), organizer, { id: "khong-co" }))).toBe(404);
  expect(statusOf(await call(personAction, post(`/org/people/${outside}`, { intent: "profile", name: "Đổi Tên", gender: "female" }), organizer, { id: outside }))).toBe(404);
  const learner = await createPersonWithRole(db, "learner", district);
  expect(statusOf(await call(accountAction, post(`/org/people/${outside}/account`, { intent: "deactivate" }), learner, { id: outside }))).toBe(404);
});

test("a bad profile form comes back with Vietnamese-keyed field errors and status 400; a good one is saved and audited", async () => {
  const { district, commune, cadre } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const id = await cadre(commune, "Danh Thị Mỹ");
  const bad = (await call(personAction, post(`/org/people/${id}`, { intent: "profile", name: "Danh Thị Mỹ", gender: "female", birth: "1890", phone: "12" }), organizer, { id })) as { data: { errors: object }; init: ResponseInit };
  expect(bad.init.status).toBe(400);
  expect(bad.data.errors).toEqual({ birth: "peopleAdmin.error.birth", phone: "peopleAdmin.error.phone" });
  const good = await call(personAction, post(`/org/people/${id}`, { intent: "profile", name: "Danh Thị Mỹ", gender: "female", birth: "05/09/1983", ethnicity: "khmer" }), organizer, { id });
  expect((good as Response).headers.get("Location")).toBe(`/org/people/${id}`);
  expect(await db.user.findUniqueOrThrow({ where: { id }, select: { birthYear: true, ethnicity: true, phone: true } })).toEqual({ birthYear: 1983, ethnicity: "khmer", phone: null });
  expect(await db.auditEvent.count({ where: { entityId: id, action: "person.update", actorId: organizer } })).toBe(1);
});

test("the audit page shows the events of the reader's subtree only, and offers no way to change them", async () => {
  const { district, commune, other, cadre } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const mine = await cadre(commune, "Quách Thị Trong");
  const theirs = await cadre(other, "Quách Thị Ngoài");
  const admin = await createPersonWithRole(db, "admin", other);
  await call(accountAction, post(`/org/people/${mine}/account`, { intent: "create", password: "" }), organizer, { id: mine });
  await call(accountAction, post(`/org/people/${theirs}/account`, { intent: "create", password: "" }), admin, { id: theirs });
  const page = (await call(auditRoute.loader, get(`/org/audit?unit=${district.id}`), organizer)) as { log: { events: { entityId: string; actorName: string }[] } };
  expect(page.log.events.map((e) => e.entityId)).toEqual([mine]);
  expect(page.log.events[0]!.actorName).toBe("Lê Thị Vai Trò");
  expect(statusOf(await call(auditRoute.loader, get(`/org/audit?unit=${other.id}`), organizer))).toBe(404);
  expect(statusOf(await call(auditRoute.loader, get(`/org/audit`), await createPersonWithRole(db, "trainer", district)))).toBe(403);
  expect(auditRoute).not.toHaveProperty("action");
  const routes = (await import("#app/routes.ts")).default.flatMap(function flat(r): { file: string }[] {
    return [r, ...(r.children ?? []).flatMap(flat)];
  });
  expect(routes.filter((r) => r.file.includes("audit")).map((r) => r.file)).toEqual(["routes/org/audit.tsx"]);
});

test("the temporary password is shown once; the cadre is held at the change page until she changes it; deactivated, she is refused", async () => {
  const { district, commune, cadre } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const id = await cadre(commune, "Sơn Thị Sa Pha");
  const { phone } = await db.user.findUniqueOrThrow({ where: { id }, select: { phone: true } });
  const created = (await call(accountAction, post(`/org/people/${id}/account`, { intent: "create", password: "" }), organizer, { id })) as { password: string };
  expect(created.password).toMatch(/^\w{4}-\w{4}-\w{4}$/);

  const signIn = async (password: string) =>
    login(routeArgs(new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ identifier: phone!, password, redirectTo: "/courses" }), headers: { [clientAddressHeader]: `198.51.100.${++addresses}` } }), new RouterContextProvider()));
  const first = (await signIn(created.password)) as Response;
  expect(first.headers.get("Location")).toBe("/account/password?redirectTo=%2Fcourses");

  const token = first.headers.get("Set-Cookie")!.match(/lantoa_session=(\w+)/)![1]!;
  const run = middleware[0]! as unknown as (args: { request: Request; context: RouterContextProvider }, next: () => Promise<Response>) => Promise<Response>;
  const visit = (path: string) =>
    outcome(() => run({ request: new Request(`http://localhost${path}`, { headers: { Cookie: `lantoa_session=${token}` } }), context: new RouterContextProvider() }, async () => new Response("ok")));
  expect(((await visit("/courses")) as Response).headers.get("Location")).toBe("/account/password?redirectTo=%2Fcourses");
  expect(((await visit("/org/people.data")) as Response).headers.get("Location")).toBe("/account/password?redirectTo=%2Forg%2Fpeople");
  expect((await visit("/account/password")) as Response).toMatchObject({ status: 200 });

  expect(await call(passwordPage, get("/account/password?redirectTo=%2Fcourses"), id)).toEqual({ mustChange: true, minLength: expect.any(Number), redirectTo: "/courses" });
  const wrong = await call(changePassword, post("/account/password", { current: "Sai@2025xyz", next: "Moi@2025xyz", confirm: "Moi@2025xyz" }), id);
  expect(wrong).toMatchObject({ data: { errors: { current: "peopleAdmin.error.currentPassword" } }, init: { status: 400 } });
  const mismatch = await call(changePassword, post("/account/password", { current: created.password, next: "Moi@2025xyz", confirm: "khac" }), id);
  expect(statusOf(mismatch)).toBe(400);
  const changed = (await call(changePassword, post("/account/password", { current: created.password, next: "Moi@2025xyz", confirm: "Moi@2025xyz", redirectTo: "/courses" }), id)) as Response;
  expect(changed.headers.get("Location")).toBe("/courses");
  expect(((await visit("/courses")) as Response).status).toBe(200);

  await call(accountAction, post(`/org/people/${id}/account`, { intent: "deactivate" }), organizer, { id });
  const refused = (await signIn("Moi@2025xyz")) as { data: { errors: { form: string } }; init: ResponseInit };
  expect(refused.init.status).toBe(403);
  expect(refused.data.errors.form).toBe("login.deactivated");
});

test("an organizer cannot reset, open or lock the account of someone holding a role she cannot grant, even in her unit", async () => {
  const { district } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const admin = await createPersonWithRole(db, "admin", district);
  const trainer = await createPersonWithRole(db, "trainer", district);
  const learner = await createPersonWithRole(db, "learner", district);
  for (const id of [admin, trainer])
    for (const intent of ["reset", "deactivate", "create"]) {
      const refused = (await call(accountAction, post(`/org/people/${id}/account`, { intent, password: "" }), organizer, { id })) as { data: { error: string } };
      expect(statusOf(refused), `${intent} ${id}`).toBe(400);
      expect(refused.data.error).toBe("peopleAdmin.error.strongerAccount");
    }
  expect(await db.user.findUniqueOrThrow({ where: { id: admin }, select: { deactivatedAt: true, mustChangePassword: true } })).toEqual({ deactivatedAt: null, mustChangePassword: false });
  // A learner of her unit stays hers to manage; an admin of the unit may manage the trainer.
  expect(statusOf(await call(accountAction, post(`/org/people/${learner}/account`, { intent: "deactivate" }), organizer, { id: learner }))).toBe(302);
  expect(statusOf(await call(accountAction, post(`/org/people/${trainer}/account`, { intent: "deactivate" }), admin, { id: trainer }))).toBe(302);
});

test("a cadre's page shows her profile as the form fills it: blanks for what is unknown, the birth day as dd/mm/yyyy or the year alone; a phone taken by another is refused", async () => {
  const { district, commune } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const blank = await createPersonWithRole(db, "learner", commune, "Lâm Thị Trống");
  const page = async (id: string) => ((await call(personLoader, get(`/org/people/${id}`), organizer, { id })) as { person: Record<string, unknown>; canEdit: boolean; units: { id: string }[] }).person;
  // Saved with a name and gender only, the rest of her profile is unknown.
  expect(statusOf(await call(personAction, post(`/org/people/${blank}`, { intent: "profile", name: "Lâm Thị Trống", gender: "female" }), organizer, { id: blank }))).toBe(302);
  expect(await page(blank)).toMatchObject({ name: "Lâm Thị Trống", ethnicity: "", phone: "", email: "", birth: "", partySince: "", theoryLevel: "", education: "", unitName: "Xã Của Chị" });

  const full = await createPersonWithRole(db, "learner", commune, "Kiên Thị Đủ");
  const profile = { intent: "profile", name: "Kiên Thị Đủ", gender: "female", birth: "05/09/1983", ethnicity: "khmer", phone: "0912000111", email: "kien@hoiphunu.vn", theoryLevel: "trung_cap", education: "Cử nhân luật" };
  expect(statusOf(await call(personAction, post(`/org/people/${full}`, profile), organizer, { id: full }))).toBe(302);
  expect(await page(full)).toMatchObject({ ethnicity: "khmer", phone: "0912000111", email: "kien@hoiphunu.vn", birth: "05/09/1983", theoryLevel: "trung_cap", education: "Cử nhân luật" });
  expect(statusOf(await call(personAction, post(`/org/people/${blank}`, { intent: "profile", name: "Lâm Thị Trống", gender: "female", birth: "1979" }), organizer, { id: blank }))).toBe(302);
  expect((await page(blank)).birth).toBe("1979");

  const taken = (await call(personAction, post(`/org/people/${blank}`, { intent: "profile", name: "Lâm Thị Trống", gender: "female", phone: "0912000111" }), organizer, { id: blank })) as { data: { intent: string; errors: object; values: object }; init: ResponseInit };
  expect(taken.init.status).toBe(400);
  expect(taken.data).toEqual({ intent: "profile", errors: { phone: "peopleAdmin.error.phoneTaken" }, values: { intent: "profile", name: "Lâm Thị Trống", gender: "female", phone: "0912000111" } });
  expect((await db.user.findUniqueOrThrow({ where: { id: blank }, select: { phone: true } })).phone).toBeNull();
});

test("the roster names its unit, says whether she may read the audit, marks deactivated cadres and lists each one's positions; an empty unit is a bad request", async () => {
  const { district, commune, cadre } = await tree();
  const organizer = await createPersonWithRole(db, "organizer", district);
  const holder = await cadre(commune, "Hứa Thị Chức Vụ");
  await db.positionHolding.create({ data: { userId: holder, unitId: commune.id, position: "hoi_chu_tich", from: new Date("2020-01-01") } });
  const gone = await cadre(commune, "Hứa Thị Nghỉ");
  await db.user.update({ where: { id: gone }, data: { deactivatedAt: new Date() } });
  const list = (await call(roster, get(`/org/people?unit=${commune.id}&q=H%E1%BB%A9a`), organizer)) as Awaited<ReturnType<typeof roster>>;
  expect(list.unit).toEqual({ id: commune.id, name: "Xã Của Chị" });
  expect(list.canReadAudit).toBe(true);
  expect(list.cadres.rows.map((r) => [r.name, r.deactivated, r.positions])).toEqual([
    ["Hứa Thị Chức Vụ", false, [{ position: "hoi_chu_tich", unitName: "Xã Của Chị" }]],
    ["Hứa Thị Nghỉ", true, []],
  ]);
  expect(statusOf(await call(roster, get("/org/people?unit="), organizer))).toBe(400);
});
