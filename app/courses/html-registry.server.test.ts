import { expect, test, vi } from "vitest";
import { htmlByKey, pageParts, pageQuiz, registerParts } from "./html-registry.server.ts";
import { defaultQuizPolicy } from "./quiz-policy.ts";
import type { QuizDefinition } from "./quiz.ts";

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

// Another app instance: its own module state, as after a restart or on a second server.
async function freshInstance() {
  vi.resetModules();
  return import("./html-registry.server.ts");
}

test("a key is 22 URL-safe characters that depend only on the fragment: same text, same key; other text, other key", async () => {
  const [key] = pageParts([{ html: "<p>Ba</p>" }]) as { htmlKey: string }[];
  expect(key!.htmlKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(pageParts([{ html: "<p>Ba</p>" }])).toEqual([{ htmlKey: key!.htmlKey }]);
  const other = await freshInstance();
  expect(other.pageParts([{ html: "<p>Ba</p>" }])).toEqual([{ htmlKey: key!.htmlKey }]);
  expect(other.pageParts([{ html: "<p>Ba.</p>" }])).not.toEqual([{ htmlKey: key!.htmlKey }]);
});

test("registerParts makes every HTML part of a lesson answerable by the key another instance sent, islands left out", async () => {
  const parts = [{ html: "<p>Bốn</p>" }, { island: "Quiz" as const, props: { id: "kt" } }, { html: "<p>Năm</p>" }];
  const keys = pageParts(parts).flatMap((part) => ("htmlKey" in part ? [part.htmlKey] : []));
  const other = await freshInstance();
  expect(keys.map(other.htmlByKey)).toEqual([undefined, undefined]);
  other.registerParts(parts);
  expect(keys.map(other.htmlByKey)).toEqual(["<p>Bốn</p>", "<p>Năm</p>"]);
});

test("a quiz's page data carries its words by key, built once per quiz", () => {
  const quiz: QuizDefinition = {
    id: "kt",
    policy: defaultQuizPolicy,
    questions: [{ id: "q1", prompt: "Đúng không?", multiple: false, explanation: "Bí mật", choices: [{ id: "c", text: "Có", correct: true }, { id: "k", text: "Không", correct: false }] }],
  };
  const page = pageQuiz(quiz);
  expect(page).toEqual({ id: "kt", policy: defaultQuizPolicy, questions: [{ id: "q1", multiple: false, choices: ["c", "k"] }], text: { key: expect.any(String) } });
  const key = (page.text as { key: string }).key;
  expect(JSON.parse(htmlByKey(key)!)).toEqual({ q1: "Đúng không?", "q1.c": "Có", "q1.k": "Không" });
  expect(pageQuiz(quiz)).toBe(page);
});
