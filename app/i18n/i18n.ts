import { useRouteLoaderData, type MetaDescriptor } from "react-router";
import type { MessageKey } from "./message-key.ts";
import { coreMessages } from "./vi/core.ts";

export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";
export const localeCookie = "lantoa_lang";

/**
 * Vietnamese messages come in areas: `core` (every page) and one per part of the app (`vi/author.ts`, …).
 * A page names the areas it uses — `useT(authorMessages)` — so it imports them, and the browser downloads only
 * those: a learner's lesson page carries none of the authoring or report texts. English, the second
 * language, is one catalog fetched only when shown.
 */
export type MessageArea<K extends string> = Readonly<Record<K, string>>;
export type CoreKey = keyof typeof coreMessages;

let english: Readonly<Record<MessageKey, string>> | undefined;

/** Makes a locale's messages available; the server loads all at start, the browser the one it shows. */
export async function loadCatalog(locale: Locale) {
  if (locale === "en") english ??= (await import("./en.ts")).en;
}
const timeZone = "Asia/Ho_Chi_Minh";

export type Translate<K extends string = CoreKey> = (key: K, params?: Record<string, string | number>) => string;

type AreaKeys<A extends readonly MessageArea<string>[]> = { [I in keyof A]: keyof A[I] & string }[number];

export function translator<const A extends readonly MessageArea<string>[]>(locale: Locale, ...areas: A): Translate<CoreKey | AreaKeys<A>> {
  const messages = locale === "en" ? english : undefined;
  return (key, params) => {
    const text = messages?.[key as MessageKey] ?? areas.find((area) => key in area)?.[key] ?? coreMessages[key as CoreKey];
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));
  };
}

// Both locales show dates as dd/mm/yyyy in Vietnam's time zone. Formatters are costly to make: one per locale.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
export function formatDate(date: Date | string, locale: Locale = defaultLocale) {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(date));
}

// "hh:mm dd/mm/yyyy" in Vietnam's time zone in both languages: when a learner may try a quiz again.
let dateTimeFormat: Intl.DateTimeFormat | undefined;
export function formatDateTime(date: Date | string) {
  dateTimeFormat ??= new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", day: "2-digit", month: "2-digit", year: "numeric", timeZone });
  const parts = dateTimeFormat.formatToParts(new Date(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part("hour")}:${part("minute")} ${part("day")}/${part("month")}/${part("year")}`;
}

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? defaultLocale;
}

export function useT<const A extends readonly MessageArea<string>[]>(...areas: A) {
  const locale = useLocale();
  return { t: translator(locale, ...areas), locale, date: (d: Date | string) => formatDate(d, locale), dateTime: formatDateTime };
}

// Page titles: meta functions cannot use hooks, so they read the locale from the root match.
type MetaMatches = readonly ({ id: string; loaderData?: unknown } | undefined)[];

/** The reader's language in a meta function, from the root loader's data (hooks cannot run there). */
function localeOf(matches: MetaMatches): Locale {
  const locale = (matches.find((m) => m?.id === "root")?.loaderData as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : defaultLocale;
}

/** useT for meta functions: page titles come from the message files like every other text. */
export const metaT = <const A extends readonly MessageArea<string>[]>(matches: MetaMatches, ...areas: A) => translator(localeOf(matches), ...areas);

/** "<part> · <part> · Lan Tỏa"; missing parts (no loader data on an error page) are left out. */
export function pageTitle(t: (key: "app.name") => string, ...parts: (string | undefined)[]): MetaDescriptor {
  return { title: [...parts.filter((p): p is string => Boolean(p)), t("app.name")].join(" · ") };
}
