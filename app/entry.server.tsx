import { PassThrough } from "node:stream";
import type { EntryContext } from "react-router";
import { ServerRouter } from "react-router";
import { renderToPipeableStream } from "react-dom/server";
import { contentSecurityPolicy, createNonce } from "./http/content-security-policy.server.ts";
import { encodePage } from "./http/encode-page.server.ts";
import { NonceContext } from "./http/nonce.ts";
import { islandChunks } from "./components/mdx/island-chunks.server.ts";
import { IslandChunksContext, loadAllIslands } from "./components/mdx/islands.ts";
import { StaticHtmlContext } from "./components/mdx/static-html.tsx";
import { getCatalog } from "./courses/catalog-instance.server.ts";
import { db } from "./db.server.ts";
import { env } from "./env.server.ts";
import { htmlByKey } from "./courses/html-registry.server.ts";
import { loadCatalog, locales } from "./i18n/i18n.ts";
import { ensurePlanningDefaultsAtStart } from "./planning/defaults.server.ts";

await Promise.all([...locales.map(loadCatalog), loadAllIslands()]);

export const streamTimeout = 5_000;
// server.mjs configures Express from these (build.entry.module), checked with the rest of the environment.
export const serverSettings = { port: env.PORT, host: env.HOST, trustProxy: env.TRUST_PROXY };
const islandChunk = islandChunks();

// Compile and mirror course content at start-up so no learner waits for it.
getCatalog().catch((error: unknown) => console.error(error));
ensurePlanningDefaultsAtStart(db);

/**
 * Renders the whole page before answering. No loader defers data, so streaming gains nothing, and
 * one complete body compresses in one pass instead of a flush per chunk (measured by `npm run bench`).
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status: responseStatusCode, headers: responseHeaders });

  const nonce = createNonce();
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, import.meta.env.DEV));
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const page = (
      <NonceContext.Provider value={nonce}>
        <StaticHtmlContext.Provider value={htmlByKey}>
          <IslandChunksContext.Provider value={islandChunk}>
            <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
          </IslandChunksContext.Provider>
        </StaticHtmlContext.Provider>
      </NonceContext.Provider>
    );
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      // The page goes out whole, so nothing is gained by React moving the content of large Suspense
      // boundaries (lesson islands) behind a script at the end of the document.
      progressiveChunkSize: Number.MAX_SAFE_INTEGER,
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = new PassThrough();
        sink.on("data", (chunk: Buffer) => chunks.push(chunk));
        sink.on("end", () => {
          clearTimeout(timeout);
          encodePage(request, Buffer.concat(chunks), responseHeaders).then((body) => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(body.byteLength));
            resolve(new Response(body, { headers: responseHeaders, status }));
          }, reject);
        });
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timeout);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        console.error(error);
      },
    });
  });
}
