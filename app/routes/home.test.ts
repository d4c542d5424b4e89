import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { createLearner } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs } from "#tests/unit/route-args.ts";
import { loader } from "./home.tsx";

test("the home page is for visitors; a signed-in person goes straight to the courses", async () => {
  expect(loader(routeArgs(get("/"), await contextFor(db, null)))).toBeNull();
  const signedIn = (await outcome(async () => loader(routeArgs(get("/"), await contextFor(db, (await createLearner(db)).userId))))) as Response;
  expect(signedIn.headers.get("Location")).toBe("/courses");
});
