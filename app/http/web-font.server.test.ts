import { describe, expect, test } from "vitest";
import { webFont, webFontCookie } from "./web-font.server.ts";

const request = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

describe("the self-hosted font", () => {
  test("a page other than a lesson links it and remembers that it offered it", () => {
    expect(webFont(request("/courses"))).toEqual({ linked: true, setCookie: "lantoa_font=1; Path=/; Max-Age=31536000; SameSite=Lax" });
  });

  test("a lesson, its page or its data, leaves it out until another page has offered it", () => {
    expect(webFont(request("/courses/hoa-giai-o-co-so/bai-mo-dau"))).toEqual({ linked: false, setCookie: null });
    expect(webFont(request("/courses/hoa-giai-o-co-so/bai-mo-dau.data"))).toEqual({ linked: false, setCookie: null });
    expect(webFont(request("/courses/hoa-giai-o-co-so/bai-mo-dau", "lantoa_session=x; lantoa_font=1"))).toEqual({ linked: true, setCookie: null });
  });

  test("only a page or its data sets the cookie: a lesson's fragments and the worker's lists never linked the font", () => {
    const html = new Response("", { headers: { "Content-Type": "text/html; charset=utf-8" } });
    const data = new Response("", { headers: { "Content-Type": "text/x-script" } });
    expect(webFontCookie(request("/courses"), html)).toBe(webFont(request("/courses")).setCookie);
    expect(webFontCookie(request("/org.data"), data)).not.toBeNull();
    expect(webFontCookie(request("/lesson-html?k=aaaaaaaaaaaaaaaaaaaaaa"), Response.json({}))).toBeNull();
    expect(webFontCookie(request("/offline/me"), Response.json({ userId: null }))).toBeNull();
  });
});
