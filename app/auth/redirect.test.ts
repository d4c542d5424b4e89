import { expect, test } from "vitest";
import { safeRedirectPath } from "./auth.server.ts";

test.each([
  ["/courses/hoa-giai?x=1#y", "/courses/hoa-giai?x=1#y"],
  ["/org", "/org"],
])("a path on this site is kept: %s", (to, expected) => {
  expect(safeRedirectPath(to)).toBe(expected);
});

test.each(["//evil.example", "/\\evil.example/x", "/\t/evil.example", "https://evil.example", "javascript:alert(1)", "", null])(
  "anything that could leave the site falls back: %j",
  (to) => {
    expect(safeRedirectPath(to)).toBe("/courses");
  },
);
