import { defaultLocale, isLocale, localeCookie, type Locale } from "./i18n.ts";

export function localeFromRequest(request: Request): Locale {
  const cookie = request.headers.get("Cookie") ?? "";
  const value = cookie.match(new RegExp(`(?:^|;\\s*)${localeCookie}=([a-z]+)`))?.[1];
  return isLocale(value) ? value : defaultLocale;
}
