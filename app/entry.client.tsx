import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { loadDocumentIslands } from "./components/mdx/islands.ts";
import { StaticHtmlContext, browserHtml, rememberDocumentHtml } from "./components/mdx/static-html.tsx";
import { isLocale, loadCatalog } from "./i18n/i18n.ts";
import { listenToWorker } from "./offline/sync-banner.ts";

// Only the Vietnamese catalog ships in the main bundle; another language, and the interactive parts of
// a lesson, are fetched before hydrating, so the first render matches the server's at once.
const lang = document.documentElement.lang;
await Promise.all([loadCatalog(isLocale(lang) ? lang : "vi"), loadDocumentIslands(document)]);

rememberDocumentHtml(document);
listenToWorker(lang);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <StaticHtmlContext.Provider value={browserHtml}>
        <HydratedRouter />
      </StaticHtmlContext.Provider>
    </StrictMode>,
  );
});
