// The service worker (ADR 018), built by scripts/build-offline.ts into /sw.js with the build's version in it, so a
// new deploy is a new worker. It keeps downloaded courses and class forms for offline use and queues the writes made offline.
import { offlineMessages } from "#app/i18n/vi/offline.ts";
import { offlineEn } from "#app/i18n/en/offline.ts";
import { allWrites, addWrite, deleteWrite, putWrite, readFact, writeFact, type Download, type StoredForm } from "./queue-store.ts";
import { classFormAddress, formServing, keyInData, keyInPage, withFreshKeyAfter } from "./class-forms.ts";
import { queueableKey, replayUrl, settle, signsInOrOut, summary, toSend, type QueuedWrite } from "./queue.ts";
import { checkCopyAnswer, copyAnswer, Refused } from "./stored-copies.ts";
import { offlineCacheKey, queuedActionData, withBanner, type WorkerMessage } from "./sw-responses.ts";

declare const BUILD_VERSION: string;

type ExtendableEvent = Event & { waitUntil(work: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response> | Response): void };
type MessageEvent_ = ExtendableEvent & { data: WorkerMessage; ports: readonly MessagePort[] };
type Worker = {
  location: Location;
  registration: { sync?: { register(tag: string): Promise<void> } };
  clients: { claim(): Promise<void>; matchAll(): Promise<{ postMessage(message: unknown): void }[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate" | "sync", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEvent_) => void): void;
};
const worker = self as unknown as Worker;
const origin = worker.location.origin;

const courseCache = (slug: string) => `lantoa-course:${slug}`;
const formCache = (unitId: string) => `lantoa-form:${unitId}`;
const assetCache = `lantoa-assets:${BUILD_VERSION}`;

worker.addEventListener("install", (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("lantoa-assets:") && name !== assetCache) await caches.delete(name);
      await worker.clients.claim();
      // A new deploy: the copies' pages name the old build's files; fetch them again while online.
      await refreshDownloads();
    })(),
  ),
);

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== origin) return;
  if (request.method === "POST") event.respondWith(post(request, url));
  else if (request.method !== "GET") return;
  else if (url.pathname.startsWith("/assets/")) event.respondWith(asset(request));
  else if (url.pathname === "/lesson-html") event.respondWith(fragments(request, url));
  else if (request.mode === "navigate" || url.pathname.endsWith(".data")) event.respondWith(page(request, url));
});

worker.addEventListener("sync", (event) => event.waitUntil(flush()));

worker.addEventListener("message", (event) => {
  const message = event.data;
  const reply = (answer: unknown) => event.ports[0]?.postMessage(answer);
  if (message.type === "hello") event.waitUntil(((locale = message.locale === "en" ? "en" : "vi"), flush()));
  else if (message.type === "flush") event.waitUntil(flush());
  else if (message.type === "downloads") event.waitUntil(downloads().then(reply));
  else if (message.type === "download") event.waitUntil(download(message.slug).then(() => downloads().then(reply), () => reply(null)));
  else if (message.type === "remove") event.waitUntil(remove(message.slug).then(() => downloads().then(reply)));
  else if (message.type === "forms") event.waitUntil(forms().then(reply));
  else if (message.type === "store-form") event.waitUntil(storeForm(message.unitId).then(() => forms().then(reply), () => reply(null)));
  else if (message.type === "forget-form") event.waitUntil(forgetForm(message.unitId).then(() => forms().then(reply)));
  // A page opened before the worker, or one it did not claim as it activated (a forced reload), asks to be served.
  else if (message.type === "claim") event.waitUntil(worker.clients.claim());
});

let locale: "vi" | "en" = "vi";
const messages = () => (locale === "en" ? offlineEn : offlineMessages);

// Files named by content hash never change: from any copy first, else from the network, kept for this build.
async function asset(request: Request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(assetCache)).put(request, response.clone());
  return response;
}

/** Pages and their data: from the network while it answers (then the queue is sent), else the downloaded copy. */
async function page(request: Request, url: URL) {
  try {
    const response = await fetch(request);
    void flush();
    return response;
  } catch (error) {
    const stored = await caches.match(offlineCacheKey(url), { ignoreVary: true });
    if (!stored) throw error;
    const cached = await formServing(stored, url, await forms());
    if (request.mode !== "navigate") return cached;
    return withBanner(cached, bannerText(summary(await allWrites(), (await readFact("userId")) ?? null)));
  }
}

/** Fragments an in-app navigation asks for, several keys at once: offline, put together from the copy's, one per key. */
async function fragments(request: Request, url: URL) {
  try {
    return await fetch(request);
  } catch (error) {
    const found: Record<string, unknown> = {};
    for (const key of url.searchParams.getAll("k")) {
      const cached = await caches.match(`${origin}/lesson-html?k=${key}`);
      if (!cached) throw error;
      Object.assign(found, await cached.json());
    }
    return Response.json(found);
  }
}

/** A form post: to the network; when it cannot leave the phone and carries an idempotency key, into the queue. */
async function post(request: Request, url: URL) {
  const copy = request.clone();
  try {
    const response = await fetch(request);
    // A downloaded course holds its learner's pages (her name, her answers): they leave the phone with her.
    if (signsInOrOut(url)) void learnWhoIsSignedIn().then((userId) => (userId === null ? removeDownloads() : undefined)).then(flush);
    return response;
  } catch (error) {
    const form = await copy.clone().formData().catch(() => null);
    const key = form && queueableKey(request.method, url, origin, form);
    const userId = await readFact("userId");
    if (!form || !key || !userId) throw error;
    const write: QueuedWrite = { key, url: replayUrl(url), contentType: copy.headers.get("Content-Type") ?? "", body: await copy.text(), userId, queuedAt: Date.now(), state: "waiting" };
    // A stored class form opened again after this post is the next class: it gets a key of its own.
    if (await addWrite(write)) await writeFact("forms", withFreshKeyAfter(await forms(), key));
    await worker.registration.sync?.register("lantoa-queue").catch(() => undefined);
    await announce();
    if (url.pathname.endsWith(".data")) return queuedActionData(form.get("intent"));
    return Response.redirect(new URL(write.url, origin).href, 303);
  }
}

async function learnWhoIsSignedIn(): Promise<string | null> {
  const response = await fetch("/offline/me", { cache: "no-store" });
  const { userId } = (await response.json()) as { userId: string | null };
  // Signed out or expired: the last person stays the owner of what she queued until she signs in again.
  if (userId) await signedIn(userId);
  return userId;
}

/** Notes who is signed in: the copies another person downloaded hold her pages (her name, her answers) and leave the phone. */
async function signedIn(userId: string) {
  const previous = await readFact("userId");
  if (previous && previous !== userId) await removeDownloads();
  await writeFact("userId", userId);
}

let flushing: Promise<void> | null = null;

/** Sends the signed-in person's waiting writes, one at a time, oldest first; one flush at a time. */
function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      const waiting = await allWrites();
      if (!waiting.some((w) => w.state === "waiting")) return;
      const userId = await learnWhoIsSignedIn();
      let sent = 0;
      for (const write of toSend(waiting, userId)) {
        const response = await fetch(write.url, { method: "POST", headers: { "Content-Type": write.contentType }, body: write.body, credentials: "same-origin" });
        const outcome = settle({ status: response.status, signInPage: new URL(response.url).pathname === "/login" });
        if (outcome === "sent") (await deleteWrite(write.key), sent++);
        else if (outcome === "refused") await putWrite({ ...write, state: "refused" });
        else break;
      }
      // Progress changed on the server: the copies show it once fetched again.
      if (sent > 0) await refreshDownloads();
    } catch {
      // Still offline, or the connection dropped midway: everything unsent waits for the next try.
    } finally {
      flushing = null;
      await announce();
    }
  })();
  return flushing;
}

function bannerText({ waiting, refused }: { waiting: number; refused: number }) {
  const t = messages();
  const parts = [waiting > 0 ? t["offline.waiting"].replace("{count}", String(waiting)) : "", refused > 0 ? t["offline.refused"].replace("{count}", String(refused)) : ""];
  return parts.filter(Boolean).join(" ") || null;
}

/** Tells every open page how many steps wait (entry.client.tsx shows it). */
async function announce() {
  const text = bannerText(summary(await allWrites(), (await readFact("userId")) ?? null));
  for (const client of await worker.clients.matchAll()) client.postMessage({ type: "lantoa:sync", text });
}

async function downloads(): Promise<Download[]> {
  return (await readFact("downloads")) ?? [];
}

/**
 * Fetches pages to keep, each document and its `.data` (all loaders), and every `/assets/` file the documents name.
 * A page the server refuses her throws `Refused`; a file it cannot give now fails only this try.
 */
async function copyPages(addresses: readonly string[]) {
  const entries = new Map<string, Response>();
  const assets = new Set<string>();
  const keep = async (address: string, what: "page" | "file" = "page") => {
    const response = await fetch(address, { cache: "no-store", credentials: "same-origin" });
    if (what === "page") checkCopyAnswer(response, address);
    else if (copyAnswer(response) !== "ok") throw new Error(`offline copy of ${address}: ${response.status}`);
    const headers = new Headers(response.headers);
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    const body = await response.blob();
    entries.set(new URL(address, origin).href, new Response(body, { status: response.status, headers }));
    return body;
  };
  for (const address of addresses) {
    const html = await (await keep(address)).text();
    for (const [, file] of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) assets.add(file!);
    const dataUrl = new URL(address, origin);
    dataUrl.pathname += ".data";
    await keep(dataUrl.pathname + dataUrl.search);
  }
  for (const file of assets) await keep(file, "file");
  return entries;
}

/** Replaces a cache whole with the entries; answers the bytes stored. */
async function storeCopy(name: string, entries: Map<string, Response>) {
  await caches.delete(name);
  const cache = await caches.open(name);
  let bytes = 0;
  for (const [address, response] of entries) {
    bytes += (await response.clone().blob()).size;
    await cache.put(address, response);
  }
  return bytes;
}

/** Stores every page of a course, its data, the fragments and the files its pages name; replaces an earlier copy whole. */
async function download(slug: string) {
  const address = `/offline/courses/${encodeURIComponent(slug)}`;
  const listing = await fetch(address, { cache: "no-store" });
  checkCopyAnswer(listing, address);
  const course = (await listing.json()) as { userId: string; slug: string; title: string; version: number; pages: string[]; fragments: string[] };
  await signedIn(course.userId);
  const entries = await copyPages(course.pages);
  for (let i = 0; i < course.fragments.length; i += 50) {
    const keys = course.fragments.slice(i, i + 50);
    const response = await fetch(`/lesson-html?${new URLSearchParams(keys.map((k) => ["k", k]))}`);
    if (!response.ok) throw new Error(`lesson fragments: ${response.status}`);
    for (const [key, html] of Object.entries((await response.json()) as Record<string, string>)) entries.set(`${origin}/lesson-html?k=${key}`, Response.json({ [key]: html }));
  }
  const bytes = await storeCopy(courseCache(course.slug), entries);
  const others = (await downloads()).filter((d) => d.slug !== course.slug);
  await writeFact("downloads", [...others, { slug: course.slug, title: course.title, version: course.version, bytes, savedAt: Date.now() }]);
}

async function forms(): Promise<StoredForm[]> {
  return (await readFact("forms")) ?? [];
}

/**
 * Stores a unit's class form, roster included, for recording a class offline: the page answers only a trainer
 * signed in with that unit in her scope, and leaves the phone with her like a downloaded course.
 */
async function storeForm(unitId: string) {
  if (!(await learnWhoIsSignedIn())) throw new Error("signed out");
  const address = classFormAddress(unitId);
  const entries = await copyPages([address]);
  const page = new URL(address, origin);
  const key = keyInPage(await entries.get(page.href)!.clone().text());
  page.pathname += ".data";
  const data = entries.get(page.href)!;
  const text = await data.text();
  const dataKey = keyInData(text);
  if (!key || !dataKey) throw new Error("class form without a key");
  // The document and its data were two loads with a key each: the copy shows one, whichever way it is opened.
  entries.set(page.href, new Response(text.replaceAll(dataKey, key), { status: data.status, headers: data.headers }));
  const bytes = await storeCopy(formCache(unitId), entries);
  const others = (await forms()).filter((f) => f.unitId !== unitId);
  await writeFact("forms", [...others, { unitId, bytes, savedAt: Date.now(), storedKey: key, key }]);
}

async function forgetForm(unitId: string) {
  await caches.delete(formCache(unitId));
  await writeFact("forms", (await forms()).filter((f) => f.unitId !== unitId));
}

/** The signed-in person's copies, courses and class forms: they hold her pages and the rosters she may see. */
async function removeDownloads() {
  for (const { slug } of await downloads()) await remove(slug);
  for (const { unitId } of await forms()) await forgetForm(unitId);
}

async function remove(slug: string) {
  await caches.delete(courseCache(slug));
  await writeFact("downloads", (await downloads()).filter((d) => d.slug !== slug));
}

/**
 * Fetches every downloaded course and stored form again. A copy the server refuses her now leaves the phone; one
 * that cannot be fetched now (offline, a server error, signed out) stays as it was.
 */
async function refreshDownloads() {
  const dropIfRefused = (drop: () => Promise<void>) => (error: unknown) => (error instanceof Refused ? drop() : undefined);
  for (const { slug } of await downloads()) await download(slug).catch(dropIfRefused(() => remove(slug)));
  for (const { unitId } of await forms()) await storeForm(unitId).catch(dropIfRefused(() => forgetForm(unitId)));
}
