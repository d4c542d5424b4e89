import { createHash } from "node:crypto";
import type { LessonPart, PagePart } from "./lesson-parts.ts";
import type { PublicQuiz } from "./quiz.ts";

// Every pre-rendered lesson fragment this process has compiled, by the hash of its HTML. Any app
// instance that compiled the same content knows the same keys.
const byKey = new Map<string, string>();
const keyOf = new WeakMap<object, string>();

function register(part: { html: string }) {
  let key = keyOf.get(part);
  if (!key) {
    key = registerText(part.html);
    keyOf.set(part, key);
  }
  return key;
}

function registerText(text: string) {
  const key = createHash("sha256").update(text).digest("base64url").slice(0, 22);
  byKey.set(key, text);
  return key;
}

export function registerParts(parts: LessonPart[]) {
  for (const part of parts) if ("html" in part) register(part);
}

/** The parts as a page's data: HTML by key. */
export function pageParts(parts: LessonPart[]): PagePart[] {
  return parts.map((part) => ("html" in part ? { htmlKey: register(part) } : part));
}

/** A quiz as a page's data: its words by key, as the document already shows them (components/mdx/quiz.tsx). */
export function pageQuiz(quiz: PublicQuiz): PublicQuiz {
  return "entries" in quiz.text ? { ...quiz, text: { key: registerText(JSON.stringify(quiz.text.entries)) } } : quiz;
}

export function htmlByKey(key: string) {
  return byKey.get(key);
}
