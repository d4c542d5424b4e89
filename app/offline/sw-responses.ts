// What the service worker answers in place of the server, kept apart from it so the shapes can be tested.

export type WorkerMessage =
  | { type: "hello"; locale: string }
  | { type: "flush" }
  | { type: "downloads" }
  | { type: "download"; slug: string }
  | { type: "remove"; slug: string }
  | { type: "forms" }
  | { type: "store-form"; unitId: string }
  | { type: "forget-form"; unitId: string }
  | { type: "claim" };

/**
 * Where a page or its data is found in a downloaded copy: the address without `_routes`, which only says which
 * loaders an in-app navigation wants (the copy holds them all) and would otherwise make every navigation a miss.
 */
export function offlineCacheKey(url: URL) {
  const key = new URL(url.pathname, url.origin);
  const search = new URLSearchParams(url.search);
  search.delete("_routes");
  key.search = search.toString();
  return key.href;
}

/**
 * A queued post's answer to React Router's fetch of `<page>.data`: the action data `{ intent, queued: true }` in
 * React Router's turbo-stream encoding (a flat list whose objects name their keys and values by position),
 * so a form shows "waiting to sync" where it would show the server's answer.
 */
export function queuedActionData(intent: unknown) {
  const value: Record<string, string | boolean> = typeof intent === "string" ? { intent, queued: true } : { queued: true };
  const flat: unknown[] = [{ _1: 2 }, "data"];
  const object: Record<string, number> = {};
  flat.push(object);
  for (const [name, field] of Object.entries(value)) {
    object[`_${flat.length}`] = flat.length + 1;
    flat.push(name, field);
  }
  return new Response(`${JSON.stringify(flat)}\n`, { headers: { "Content-Type": "text/x-script; charset=utf-8", "X-Remix-Response": "yes" } });
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A downloaded page shown offline, with the waiting steps said at the top of its body, where a page without
 * JavaScript sees it too. React leaves an element it did not render at the start of <body> alone when it hydrates.
 */
export async function withBanner(page: Response, text: string | null) {
  if (text === null) return page;
  const html = (await page.text()).replace(/<body[^>]*>/, (body) => `${body}<p id="sync-banner" class="sync-banner" role="status">${escapeHtml(text)}</p>`);
  return new Response(html, { status: page.status, headers: page.headers });
}
