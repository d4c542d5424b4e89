import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { contextFor, get, outcome, post, routeArgs } from "#tests/unit/route-args.ts";
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
