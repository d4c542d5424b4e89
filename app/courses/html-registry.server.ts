import { createHash } from "node:crypto";
import type { LessonPart, PagePart } from "./lesson-parts.ts";
import { publicQuiz, type PublicQuiz, type QuizDefinition } from "./quiz.ts";

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

// A lesson page sends the same quiz on every request: its words are serialized and hashed once.
const quizzesForPages = new WeakMap<QuizDefinition, PublicQuiz>();

/** A quiz as a page's data: its words by key, as the document already shows them (components/mdx/quiz.tsx). */
export function pageQuiz(quiz: QuizDefinition): PublicQuiz {
  let page = quizzesForPages.get(quiz);
  if (!page) {
    const open = publicQuiz(quiz);
    page = { ...open, text: { key: registerText(JSON.stringify("entries" in open.text ? open.text.entries : {})) } };
    quizzesForPages.set(quiz, page);
  }
  return page;
}

export function htmlByKey(key: string) {
  return byKey.get(key);
}
