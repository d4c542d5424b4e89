import { RouterContextProvider } from "react-router";
import { expect, test } from "vitest";
import { createSession, generateSessionToken, sessionCookieName } from "#app/auth/session.server.ts";
import { db } from "#app/db.server.ts";
import { createLearner } from "#tests/unit/people.ts";
import { middleware } from "./root.tsx";

async function signedInResponse(routeHeaders: HeadersInit) {
  const { userId } = await createLearner(db);
  const token = generateSessionToken();
  await createSession(db, token, userId, { lifetimeDays: 30 });
  const request = new Request("http://localhost/lesson-html?k=x", { headers: { Cookie: `${sessionCookieName}=${token}` } });
  const run = middleware[0]! as unknown as (args: { request: Request; context: RouterContextProvider }, next: () => Promise<Response>) => Promise<Response>;
  return run({ request, context: new RouterContextProvider() }, async () => new Response("", { headers: routeHeaders }));
}

test("a signed-in response is private and not stored, unless its route chose a private policy", async () => {
  expect((await signedInResponse({})).headers.get("Cache-Control")).toBe("private, no-store");
  expect((await signedInResponse({ "Cache-Control": "public, max-age=60" })).headers.get("Cache-Control")).toBe("private, no-store");
  expect((await signedInResponse({ "Cache-Control": "private, max-age=31536000, immutable" })).headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
});
