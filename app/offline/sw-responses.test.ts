import { UNSAFE_decodeViaTurboStream as decode } from "react-router";
import { expect, test } from "vitest";
import { offlineCacheKey, queuedActionData, withBanner } from "./sw-responses.ts";

test("a copy is found whichever loaders an in-app navigation asks for", () => {
  const origin = "https://lantoa.vn";
  expect(offlineCacheKey(new URL("/courses/a/b.data?_routes=routes%2Flearn%2Flesson", origin))).toBe(`${origin}/courses/a/b.data`);
  expect(offlineCacheKey(new URL("/courses/a/b.data?scenario.moi=a%2Cb&_routes=root", origin))).toBe(`${origin}/courses/a/b.data?scenario.moi=a%2Cb`);
  expect(offlineCacheKey(new URL("/courses/a/b?scenario.moi=a,b", origin))).toBe(`${origin}/courses/a/b?scenario.moi=a%2Cb`);
});

test("a queued post answers React Router with action data it can decode", async () => {
  const response = queuedActionData("quiz");
  expect(response.headers.get("Content-Type")).toMatch(/^text\/x-script/);
  // How React Router's browser reads an action's answer.
  const decoded = await decode(response.body!, globalThis);
  await decoded.done;
  expect(decoded.value).toEqual({ data: { intent: "quiz", queued: true } });
  expect((await decode(queuedActionData(null).body!, globalThis)).value).toEqual({ data: { queued: true } });
});

test("an offline page says what waits at the top of its body, escaped", async () => {
  const page = new Response('<html lang="vi"><body class="x"><main>Bài</main></body></html>', { headers: { "Content-Security-Policy": "default-src 'self'" } });
  const shown = await withBanner(page, "2 bước <chờ> đồng bộ");
  expect(await shown.text()).toBe('<html lang="vi"><body class="x"><p id="sync-banner" class="sync-banner" role="status">2 bước &#60;chờ&#62; đồng bộ</p><main>Bài</main></body></html>');
  expect(shown.headers.get("Content-Security-Policy")).toBe("default-src 'self'");
  const untouched = new Response("<body></body>");
  expect(await withBanner(untouched, null)).toBe(untouched);
});
