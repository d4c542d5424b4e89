import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { parseQuizPolicy } from "./quiz-policy.ts";
import type { QuizDefinition } from "./quiz.ts";
import type { ScenarioGraph } from "./scenario.ts";

// Reading an author's components in the MDX syntax tree, for the rules (mdx-rules.server.ts) and the
// components' own checks (components/mdx/registry.server.ts).
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
/** A literal prop as written: a string, or true for a bare prop (`<Choice correct>`); undefined when absent. */
export type PropValue = string | true | undefined;

// Links and images may point at web pages or at pages of this site, never at javascript: or data: URLs.
export function isSafeUrl(url: string) {
  // Read as a browser's URL parser does: control characters and spaces around it dropped, tabs and newlines anywhere.
  const trimmed = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  // "//host" and "/\host" are other sites to a browser.
  if (/^[\\/]{2}/.test(trimmed)) return false;
  return /^(https?:\/\/|mailto:|\/|#)/i.test(trimmed) || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

export function isJsx(node: unknown): node is JsxElement {
  const type = (node as { type?: string }).type;
  return type === "mdxJsxFlowElement" || type === "mdxJsxTextElement";
}

export function attr(node: JsxElement, name: string): PropValue {
  for (const a of node.attributes) {
    if (a.type === "mdxJsxAttribute" && a.name === name) return typeof a.value === "string" ? a.value : true;
  }
  return undefined;
}

export function stringAttr(node: JsxElement, name: string) {
  const value = attr(node, name);
  return typeof value === "string" ? value : "";
}

function descendants(node: { children?: RootContent[] }, name: string): JsxElement[] {
  const found: JsxElement[] = [];
  visit(node as Root, (child) => {
    if (child !== node && isJsx(child) && child.name === name) found.push(child);
  });
  return found;
}

export function extractQuiz(node: JsxElement): { quiz: QuizDefinition; policyProblems: string[] } {
  const given = (name: string) => (attr(node, name) === undefined ? undefined : stringAttr(node, name));
  const { policy, problems } = parseQuizPolicy({ attempts: given("attempts"), waitMinutes: given("waitMinutes"), showAnswers: given("showAnswers") });
  const quiz = {
    id: stringAttr(node, "id"),
    policy,
    questions: descendants(node, "Question").map((question) => ({
      id: stringAttr(question, "id"),
      prompt: stringAttr(question, "prompt"),
      multiple: attr(question, "multiple") === true,
      choices: descendants(question, "Choice").map((choice, index) => ({
        id: String.fromCharCode(97 + index),
        text: toString(choice).trim(),
        correct: attr(choice, "correct") === true,
      })),
      explanation: descendants(question, "Explanation").map((e) => toString(e).trim()).join(" "),
    })),
  };
  return { quiz, policyProblems: problems };
}

export function extractScenario(node: JsxElement): ScenarioGraph {
  return {
    id: stringAttr(node, "id"),
    start: stringAttr(node, "start"),
    scenes: descendants(node, "Scene").map((scene) => ({
      id: stringAttr(scene, "id"),
      ending: (attr(scene, "ending") as string | undefined) ?? null,
      options: descendants(scene, "Option").map((o) => stringAttr(o, "to")),
    })),
  };
}
