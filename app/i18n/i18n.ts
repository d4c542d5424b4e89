import { useRouteLoaderData } from "react-router";
import { vi, type MessageKey, type Messages } from "./vi.ts";

export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";
export const localeCookie = "lantoa_lang";

const catalogs: Partial<Record<Locale, Messages>> = { vi };

/** Makes a locale's messages available; the server loads all at start, the browser the one it shows. */
export async function loadCatalog(locale: Locale) {
  if (locale === "en") catalogs.en ??= (await import("./en.ts")).en;
}
const timeZone = "Asia/Ho_Chi_Minh";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale] ?? vi;
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));
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

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? defaultLocale;
}

export function useT() {
  const locale = useLocale();
  return { t: translator(locale), locale, date: (d: Date | string) => formatDate(d, locale) };
}
