import { expect, test } from "vitest";
import { needsRefresh } from "./refresh.ts";

const requirement = { version: 3, publishedAt: new Date("2026-06-01") };

test("only a completion on a version older than the marked one is due for a new round", () => {
  expect(needsRefresh({ completedAt: new Date(), courseVersion: 2 }, requirement)).toBe(true);
  expect(needsRefresh({ completedAt: new Date(), courseVersion: 3 }, requirement)).toBe(false);
  expect(needsRefresh({ completedAt: null, courseVersion: 1 }, requirement)).toBe(false);
  expect(needsRefresh({ completedAt: new Date(), courseVersion: 1 }, null)).toBe(false);
});
