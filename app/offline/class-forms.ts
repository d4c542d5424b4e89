/**
 * A trainer's class form kept on the phone (ADR 018): stored on her request while online, shown offline from the
 * copy, and its post queued like a lesson step. Each class is its own submission, so once a post from the form is
 * queued the copy is shown with a new idempotency key; until then opening it again is the same submission.
 */
import { newIdempotencyKey } from "#app/http/idempotency-key.ts";
import { keyField } from "./queue.ts";
import type { StoredForm } from "./queue-store.ts";

export const classFormAddress = (unitId: string) => `/classes?${new URLSearchParams({ unit: unitId })}`;

/** The idempotency key a stored form page carries (its hidden field). */
export function keyInPage(html: string): string | null {
  return new RegExp(`name="${keyField}" value="([^"]+)"`).exec(html)?.[1] ?? null;
}

/**
 * The idempotency key in a stored form's `.data`: React Router's turbo-stream is a flat list whose objects map the
 * position of each key's name to the position of its value (`{"_12": 13}`); the first line holds the loader data.
 */
export function keyInData(body: string): string | null {
  const flat = JSON.parse(body.split("\n", 1)[0]!) as unknown[];
  const name = `_${flat.indexOf(keyField)}`;
  const holder = flat.find((item): item is Record<string, number> => typeof item === "object" && item !== null && name in item);
  const value = holder ? flat[holder[name]!] : null;
  return typeof value === "string" ? value : null;
}

/** The stored form a page address (the document or its `.data`) belongs to, if any. */
export function formAt(stored: readonly StoredForm[], url: URL): StoredForm | undefined {
  if (url.pathname !== "/classes" && url.pathname !== "/classes.data") return undefined;
  const unitId = url.searchParams.get("unit");
  return stored.find((f) => f.unitId === unitId);
}

/** After a post with this key was queued, the form it came from gets a new key: the next class is a new submission. */
export function withFreshKeyAfter(stored: readonly StoredForm[], queuedKey: string): StoredForm[] {
  return stored.map((f) => (f.key === queuedKey ? { ...f, key: newIdempotencyKey() } : f));
}

/** A stored page as shown offline: a class form with the key it has now, anything else as stored. */
export async function formServing(page: Response, url: URL, stored: readonly StoredForm[]) {
  const form = formAt(stored, url);
  if (!form || form.key === form.storedKey) return page;
  const body = (await page.text()).replaceAll(form.storedKey, form.key);
  return new Response(body, { status: page.status, headers: page.headers });
}
