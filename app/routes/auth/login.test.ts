import { RouterContextProvider } from "react-router";
import { beforeAll, expect, test } from "vitest";
import { clientAddressHeader } from "#app/auth/client-address.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { contextFor, get, outcome, post, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./login.tsx";

const password = "MatKhau@123";
let userId: string;
beforeAll(async () => {
  const unit = await ensureUnit(db, { code: "LG1", name: "Xã Đăng Nhập", level: "commune", kind: "xa", parent: null });
  userId = (await upsertPerson(db, { name: "Đỗ Thị Đăng", phone: "0913000001", gender: "female", unitId: unit.id }, { plain: password })).id;
});

const location = (result: unknown) => (result as Response).headers.get("Location");

test.each(["%2F.%2F%2Fevil.example", "/x/..//evil.example", "%2F%5Cevil.example", "https://evil.example"])(
  "a signed-in visitor is sent to the catalog, not to another site: redirectTo=%s",
  async (redirectTo) => {
    const result = await outcome(async () => loader(routeArgs(get(`/login?redirectTo=${redirectTo}`), await contextFor(db, userId))));
    expect(location(result)).toBe("/courses");
  },
);

test("signing in goes to redirectTo only when it is a path on this site", async () => {
  const signIn = async (redirectTo: string) =>
    action(routeArgs(post("/login", { identifier: "0913000001", password, redirectTo }), await contextFor(db, null)));
  expect(location(await signIn("/.//evil.example"))).toBe("/courses");
  expect(location(await signIn("/x/..//evil.example"))).toBe("/courses");
  expect(location(await signIn("/org?unit=1"))).toBe("/org?unit=1");
});

let addresses = 0;
/** A sign-in post from its own client address, so tests do not share the address's count. */
const attempt = (identifier: string, pass: string, address = `203.0.113.${++addresses}`) =>
  action(
    routeArgs(
      new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ identifier, password: pass }), headers: { [clientAddressHeader]: address } }),
      new RouterContextProvider(),
    ),
  );

test("after five wrong passwords an account must wait, even with the right one, and is told for how long", async () => {
  const unit = await ensureUnit(db, { code: "LG2", name: "Xã Khóa", level: "commune", kind: "xa", parent: null });
  await upsertPerson(db, { name: "Vũ Thị Khóa", phone: "0913000002", gender: "female", unitId: unit.id }, { plain: password });
  for (let i = 0; i < 5; i++) expect(statusOf(await attempt("0913000002", "sai"))).toBe(400);
  const refused = (await attempt("0913 000 002", password)) as { data: { errors: { form: string }; retryMinutes: number }; init: ResponseInit };
  expect(refused.init.status).toBe(429);
  expect(refused.data.errors.form).toBe("login.throttled");
  expect(refused.data.retryMinutes).toBe(1);
});

test("an unknown account is refused exactly like a known one", async () => {
  for (let i = 0; i < 5; i++) expect(statusOf(await attempt("khong-co@lantoa.vn", "sai"))).toBe(400);
  expect(statusOf(await attempt("khong-co@lantoa.vn", "sai"))).toBe(429);
});

test("thirty wrong passwords at once: only the five free ones are checked", async () => {
  const results = await Promise.all(Array.from({ length: 30 }, () => attempt("song-song@lantoa.vn", "sai")));
  const statuses = results.map(statusOf);
  expect(statuses.filter((s) => s === 400)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(25);
});

test("one address guessing at many accounts must wait after twenty failures", async () => {
  for (let i = 0; i < 20; i++) expect(statusOf(await attempt(`nguoi${i}@lantoa.vn`, "sai", "198.51.100.7"))).toBe(400);
  expect(statusOf(await attempt("nguoi-moi@lantoa.vn", "sai", "198.51.100.7"))).toBe(429);
  expect(statusOf(await attempt("nguoi-moi@lantoa.vn", "sai", "198.51.100.8"))).toBe(400);
});

test("signing in successfully starts the account's count afresh", async () => {
  for (let i = 0; i < 4; i++) await attempt("0913000001", "sai");
  expect(location(await attempt("0913000001", password))).toBe("/courses");
  for (let i = 0; i < 5; i++) expect(statusOf(await attempt("0913000001", "sai"))).toBe(400);
});

test("the sign-in page keeps where to go after it; a wrong password is refused with the form's message and the identifier typed", async () => {
  expect(await loader(routeArgs(get("/login?redirectTo=%2Forg%3Funit%3D1"), await contextFor(db, null)))).toEqual({ redirectTo: "/org?unit=1" });
  expect(location(await outcome(async () => loader(routeArgs(get("/login?redirectTo=%2Forg"), await contextFor(db, userId)))))).toBe("/org");
  const unit = await ensureUnit(db, { code: "LG9", name: "Xã Gõ Sai", level: "commune", kind: "xa", parent: null });
  await upsertPerson(db, { name: "Lý Thị Gõ Sai", phone: "0913000099", gender: "female", unitId: unit.id }, { plain: password });
  expect(await attempt("0913000099", "sai")).toMatchObject({ data: { errors: { form: "login.invalid" }, identifier: "0913000099" }, init: { status: 400 } });
  expect(await attempt("0913000099", "")).toMatchObject({ data: { errors: { password: "login.passwordRequired" }, identifier: "0913000099" }, init: { status: 400 } });
});
