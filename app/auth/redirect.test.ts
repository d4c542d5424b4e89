import fc from "fast-check";
import { expect, test } from "vitest";
import { safeRedirectPath } from "./auth.server.ts";

test.each([
  ["/courses/hoa-giai?x=1#y", "/courses/hoa-giai?x=1#y"],
  ["/org", "/org"],
  ["/courses/./a/../b", "/courses/b"],
  ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["/%5Cevil.example", "/%5Cevil.example"],
  ["/courses?next=//evil.example", "/courses?next=//evil.example"],
  ["/ /evil.example", "/%20/evil.example"],
  ["/／evil.example", "/%EF%BC%8Fevil.example"],
])("a path on this site is kept, as the browser will resolve it: %s", (to, expected) => {
  expect(safeRedirectPath(to)).toBe(expected);
});

test.each([
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/x/..//evil.example",
  "/x/../..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/.%2e//evil.example",
  "/\\evil.example/x",
  "/\\/evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\x00/evil.example",
  "/\x7f/evil.example",
  "https://evil.example",
  "https:evil.example",
  "http:/evil.example",
  "javascript:alert(1)",
  "evil.example",
  "//",
  "///",
  "/.//",
  "/..//",
  "／／evil.example",
  "\u2215\u2215evil.example",
  "",
  null,
])("anything that could leave the site falls back: %j", (to) => {
  expect(safeRedirectPath(to)).toBe("/courses");
});

// Pieces that parsers treat specially, so generated strings reach the interesting cases often.
const tricky = fc.constantFrom("/", "//", "\\", ".", "..", "%2e", "%2E", "%2f", "%2F", "%5c", "%5C", "\t", "\n", "\r", " ", "\x00", ":", "@", "?", "#", "evil.example", "https:", "／", "\u2215", "\u2044", "%");
const candidate = fc.oneof(fc.string({ unit: "binary" }), fc.array(tricky, { maxLength: 12 }).map((parts) => `/${parts.join("")}`));
const origins = ["http://lantoa.invalid", "https://lantoa.vn", "http://localhost:3000", "https://a.b.c.example:8443"];

test("whatever it is given, the result is the fallback or a path that stays on any origin", () => {
  fc.assert(
    fc.property(candidate, (to) => {
      const path = safeRedirectPath(to);
      if (path === "/courses") return;
      expect(path).toMatch(/^\/(?![/\\])/);
      for (const origin of origins) expect(new URL(path, origin).origin).toBe(origin);
    }),
    { numRuns: 5000 },
  );
});
