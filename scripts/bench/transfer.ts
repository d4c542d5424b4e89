// First-visit transfer of the lesson page: what a browser with an empty cache downloads
// (HTML + JS + CSS + fonts, images excluded), counted as compressed bytes on the wire.
import { request } from "node:http";

export interface Resource {
  url: string;
  kind: string;
  bytes: number;
  encoding: string;
  /** Response header bytes, when known (browser only): DevTools' "transferred" adds these. */
  headerBytes?: number;
}

const acceptEncoding = "gzip, deflate, br"; // what Chromium sends on http://

/** A GET through node:http, which does not decompress, so the count is the bytes that crossed the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": acceptEncoding, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), encoding: String(response.headers["content-encoding"] ?? "identity") }));
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

async function decoded(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers });
  return response.text();
}

const fontExtension = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;

/** Parses the HTML (and the CSS it links) the way the browser would discover resources, then fetches each once. */
export async function firstVisitByParsing(pageUrl: string, cookie: string): Promise<Resource[]> {
  const origin = new URL(pageUrl).origin;
  const page = await rawGet(pageUrl, { cookie });
  if (page.status !== 200) throw new Error(`first visit: ${pageUrl} answered ${page.status}`);
  const resources: Resource[] = [{ url: new URL(pageUrl).pathname, kind: "html", bytes: page.body.length, encoding: page.encoding }];
  const html = await decoded(pageUrl, { cookie });

  const found = new Map<string, string>(); // path → kind
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href || !rel) continue;
    if (rel === "stylesheet") found.set(href, "css");
    else if (rel === "modulepreload") found.set(href, "js");
    else if (rel === "preload" && /\bas="font"/.test(tag)) found.set(href, "font");
  }
  // React Router's inline module script: `import "/assets/…"` and `import("/assets/…")`.
  for (const script of html.match(/<script\b[^>]*type="module"[^>]*>[\s\S]*?<\/script>/g) ?? [])
    for (const m of script.matchAll(/import\s*\(?\s*["']([^"']+\.js)["']/g)) found.set(m[1]!, "js");
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.set(m[1]!, "js");

  for (const [href, kind] of [...found]) {
    if (kind !== "css") continue;
    const css = await decoded(new URL(href, origin).href, {});
    for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const target = new URL(m[1]!, new URL(href, origin)).pathname;
      if (fontExtension.test(target)) found.set(target, "font"); // images excluded
    }
  }
  for (const [href, kind] of found) {
    const r = await rawGet(new URL(href, origin).href, {});
    if (r.status !== 200) throw new Error(`first visit: ${href} answered ${r.status}`);
    resources.push({ url: new URL(href, origin).pathname, kind, bytes: r.body.length, encoding: r.encoding });
  }
  return resources;
}

/** The lesson pages a learner can open: course links from /courses, lesson links from each course page. */
export async function lessonPaths(origin: string, cookie: string): Promise<string[]> {
  const links = async (path: string, pattern: RegExp) => {
    const response = await fetch(`${origin}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return [...new Set([...(await response.text()).matchAll(pattern)].map((m) => m[1]!))];
  };
  const courses = await links("/courses", /href="(\/courses\/[a-z0-9-]+)"/g);
  const lessons = await Promise.all(courses.map((course) => links(course, new RegExp(`href="(${course}/[a-z0-9-]+)"`, "g"))));
  return lessons.flat();
}

/** Every response a page load brings but images (by type or Content-Type; the favicon is one), with its encoded body size. */
async function recordVisit(page: import("@playwright/test").Page, pageUrl: string): Promise<Resource[]> {
  // Playwright's request.sizes(): responseBodySize is the encoded (compressed) body as received, negative
  // for a response from the cache, which crossed no wire.
  const pending: Promise<Resource | null>[] = [];
  const onFinished = (req: import("@playwright/test").Request) =>
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([req.sizes(), req.response()]);
        const type = (await response?.headerValue("content-type")) ?? "";
        if (req.resourceType() === "image" || type.startsWith("image/")) return null;
        const encoding = (await response?.headerValue("content-encoding")) ?? "identity";
        return { url: new URL(req.url()).pathname, kind: req.resourceType(), bytes: Math.max(0, sizes.responseBodySize), encoding, headerBytes: sizes.responseHeadersSize };
      })(),
    );
  page.on("requestfinished", onFinished);
  const response = await page.goto(pageUrl, { waitUntil: "networkidle" });
  if (response?.status() !== 200 || new URL(page.url()).pathname !== new URL(pageUrl).pathname) throw new Error(`browser visit: landed on ${page.url()} (${response?.status()})`);
  await page.waitForTimeout(300);
  page.off("requestfinished", onFinished);
  return (await Promise.all(pending)).filter((r) => r !== null);
}

async function withBrowser<T>(run: (browser: import("@playwright/test").Browser) => Promise<T>): Promise<T> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

async function signedInPage(browser: import("@playwright/test").Browser, origin: string, cookie: string) {
  const context = await browser.newContext();
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: origin }]);
  return { context, page: await context.newPage() };
}

/** The same first visit in Chromium, for each page with an empty cache. */
export function firstVisitsInBrowser(pageUrls: string[], cookie: string): Promise<Map<string, Resource[]>> {
  return withBrowser(async (browser) => {
    const visits = new Map<string, Resource[]>();
    for (const pageUrl of pageUrls) {
      const { context, page } = await signedInPage(browser, new URL(pageUrl).origin, cookie);
      visits.set(pageUrl, await recordVisit(page, pageUrl));
      await context.close();
    }
    return visits;
  });
}

/**
 * A repeat visit: each page after the first, opened (a whole document load, not a move inside the app)
 * in the same browser, whose cache holds what the pages before it brought.
 */
export function repeatVisitsInBrowser(pageUrls: string[], cookie: string): Promise<Map<string, Resource[]>> {
  return withBrowser(async (browser) => {
    const visits = new Map<string, Resource[]>();
    const { context, page } = await signedInPage(browser, new URL(pageUrls[0]!).origin, cookie);
    await recordVisit(page, pageUrls[0]!);
    for (const pageUrl of pageUrls.slice(1)) visits.set(pageUrl, await recordVisit(page, pageUrl));
    await context.close();
    return visits;
  });
}
