import { expect, test } from "vitest";
import { outcome, statusOf } from "#tests/unit/route-args.ts";
import { action, loader } from "./not-found.tsx";

test("an unknown address answers 404 to a visit and to a post", async () => {
  for (const call of [loader, action]) expect(statusOf(await outcome(call))).toBe(404);
});
