import { expect, test } from "vitest";
import { localeCookie } from "#app/i18n/i18n.ts";
import { outcome, post, routeArgs } from "#tests/unit/route-args.ts";
import { action, loader } from "./language.tsx";

const choose = async (fields: Record<string, string>) => (await action(routeArgs(post("/language", fields), new Map() as never))) as Response;

test("choosing a language keeps it for a year and returns to the page it was chosen on", async () => {
  const response = await choose({ locale: "en", redirectTo: "/courses/hoa-giai?x=1" });
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/courses/hoa-giai?x=1");
  expect(response.headers.get("Set-Cookie")).toBe(`${localeCookie}=en; Path=/; Max-Age=31536000; SameSite=Lax`);
});

test("without a page, or with one on another site, it returns to the home page", async () => {
  expect((await choose({ locale: "vi" })).headers.get("Location")).toBe("/");
  expect((await choose({ locale: "vi", redirectTo: "//evil.example" })).headers.get("Location")).toBe("/");
});

test("a language the site does not offer changes nothing", async () => {
  const response = await choose({ locale: "fr", redirectTo: "/courses" });
  expect(response.headers.get("Location")).toBe("/");
  expect(response.headers.get("Set-Cookie")).toBeNull();
});

test("the address itself only leads home", async () => {
  const response = (await outcome(() => loader())) as Response;
  expect([response.status, response.headers.get("Location")]).toEqual([302, "/"]);
});
