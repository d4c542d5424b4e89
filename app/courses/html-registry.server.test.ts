import { expect, test } from "vitest";
import { htmlByKey, pageParts, registerParts } from "./html-registry.server.ts";

test("pages carry HTML by key, and every key resolves to its fragment; islands pass through", () => {
  const parts = [{ html: "<p>Một</p>" }, { island: "Quiz" as const, props: { id: "kt" } }, { html: "<p>Hai</p>" }];
  registerParts(parts);
  const page = pageParts(parts);
  expect(page[1]).toEqual(parts[1]);
  const [first, , second] = page as { htmlKey: string }[];
  expect(htmlByKey(first!.htmlKey)).toBe("<p>Một</p>");
  expect(htmlByKey(second!.htmlKey)).toBe("<p>Hai</p>");
  expect(first!.htmlKey).not.toBe(second!.htmlKey);
  // The same fragment compiled elsewhere (another instance) gets the same key.
  expect(pageParts([{ html: "<p>Một</p>" }])).toEqual([{ htmlKey: first!.htmlKey }]);
});
