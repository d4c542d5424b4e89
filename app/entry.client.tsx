import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { isLocale, loadCatalog } from "./i18n/i18n.ts";

// Only the Vietnamese catalog ships in the main bundle; another language is fetched before hydrating.
const lang = document.documentElement.lang;
await loadCatalog(isLocale(lang) ? lang : "vi");

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <HydratedRouter />
    </StrictMode>,
  );
});
