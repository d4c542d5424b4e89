import { matchPath } from "react-router";

const cookie = "lantoa_font=1";

/**
 * Whether a page links the self-hosted font (ADR 008). Its 67 KB do not fit in a lesson's 100 KB first
 * visit: a lesson uses it only once another page has offered it (and the browser has most likely kept
 * it), which a cookie remembers; every other page offers it and sets the cookie.
 */
export function webFont(request: Request) {
  const offered = (request.headers.get("Cookie") ?? "").split(/;\s*/).includes(cookie);
  const lesson = matchPath("/courses/:slug/:lesson", new URL(request.url).pathname.replace(/\.data$/, "")) !== null;
  return { linked: offered || !lesson, setCookie: offered || lesson ? null : `${cookie}; Path=/; Max-Age=31536000; SameSite=Lax` };
}

/**
 * The cookie a response sets: only a page or its data (React Router's `text/x-script`) links the font. A resource
 * a lesson fetches (its fragments) or the service worker's lists offer nothing, so they must not say it was offered.
 */
export function webFontCookie(request: Request, response: Response) {
  return /^text\/(html|x-script)\b/.test(response.headers.get("Content-Type") ?? "") ? webFont(request).setCookie : null;
}
