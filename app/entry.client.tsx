import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { StaticHtmlContext, browserHtml, rememberDocumentHtml } from "./components/mdx/static-html.tsx";
import { isLocale, loadCatalog } from "./i18n/i18n.ts";

// Only the Vietnamese catalog ships in the main bundle; another language is fetched before hydrating.
const lang = document.documentElement.lang;
await loadCatalog(isLocale(lang) ? lang : "vi");

rememberDocumentHtml(document);

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
