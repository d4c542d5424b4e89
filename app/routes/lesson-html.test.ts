import { expect, test } from "vitest";
import { pageParts } from "#app/courses/html-registry.server.ts";
import { db } from "#app/db.server.ts";
import { createLearner } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { loader } from "./lesson-html.ts";

const [known] = pageParts([{ html: "<p>Đoạn đã biên dịch</p>" }]) as [{ htmlKey: string }];
const unknown = "A".repeat(22);
const fetchKeys = async (query: string, userId: string | null) => outcome(async () => loader(routeArgs(get(`/lesson-html?${query}`), await contextFor(db, userId))));

test("a signed-in reader gets the fragments it knows, cached for good", async () => {
  const { userId } = await createLearner(db);
  const response = (await fetchKeys(`k=${known.htmlKey}&k=${unknown}`, userId)) as Response;
  expect(await response.json()).toEqual({ [known.htmlKey]: "<p>Đoạn đã biên dịch</p>" });
  expect(response.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
});

test("no keys, a malformed key or more than fifty are refused; nobody signed in is sent to sign in", async () => {
  const { userId } = await createLearner(db);
  expect(statusOf(await fetchKeys("", userId))).toBe(400);
  expect(statusOf(await fetchKeys(`k=${known.htmlKey}&k=short`, userId))).toBe(400);
  expect(statusOf(await fetchKeys(`k=${"x".repeat(21)}!`, userId))).toBe(400);
  expect(statusOf(await fetchKeys(Array.from({ length: 51 }, () => `k=${known.htmlKey}`).join("&"), userId))).toBe(400);
  expect(statusOf(await fetchKeys(Array.from({ length: 50 }, () => `k=${known.htmlKey}`).join("&"), userId))).toBe(200);
  expect(statusOf(await fetchKeys(`k=${known.htmlKey}`, null))).toBe(302);
});
