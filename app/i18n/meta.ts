import type { MetaDescriptor } from "react-router";
import { defaultLocale, isLocale, translator, type Locale, type MessageArea } from "./i18n.ts";

type Matches = readonly ({ id: string; loaderData?: unknown } | undefined)[];

/** The reader's language in a meta function, from the root loader's data (hooks cannot run there). */
function localeOf(matches: Matches): Locale {
  const locale = (matches.find((m) => m?.id === "root")?.loaderData as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : defaultLocale;
}

/** useT for meta functions: page titles come from the message files like every other text. */
export const metaT = <const A extends readonly MessageArea<string>[]>(matches: Matches, ...areas: A) => translator(localeOf(matches), ...areas);

/** "<part> · <part> · Lan Tỏa"; missing parts (no loader data on an error page) are left out. */
export function pageTitle(t: (key: "app.name") => string, ...parts: (string | undefined)[]): MetaDescriptor {
  return { title: [...parts.filter((p): p is string => Boolean(p)), t("app.name")].join(" · ") };
}
