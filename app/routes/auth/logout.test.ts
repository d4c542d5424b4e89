import { expect, test } from "vitest";
import { sessionCookieName } from "#app/auth/session.server.ts";
import { db } from "#app/db.server.ts";
import { createLearner } from "#tests/unit/people.ts";
import { contextFor, post, routeArgs } from "#tests/unit/route-args.ts";
import { action, loader } from "./logout.tsx";

test("signing out ends the session on the server, clears the cookie and goes home", async () => {
  const { userId } = await createLearner(db);
  const context = await contextFor(db, userId);
  expect(await db.session.count({ where: { userId } })).toBe(1);
  const response = await action(routeArgs(post("/logout", {}), context));
  expect(response.headers.get("Location")).toBe("/");
  expect(response.headers.get("Set-Cookie")).toMatch(new RegExp(`^${sessionCookieName}=;.*Max-Age=0`));
  expect(await db.session.count({ where: { userId } })).toBe(0);
});

test("signing out when nobody is signed in still clears the cookie; the address alone leads home", async () => {
  const response = await action(routeArgs(post("/logout", {}), await contextFor(db, null)));
  expect(response.headers.get("Set-Cookie")).toMatch(new RegExp(`^${sessionCookieName}=;`));
  expect(loader().headers.get("Location")).toBe("/");
});
