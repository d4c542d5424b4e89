import { createProcessor } from "@mdx-js/mdx";
import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { citedDocumentKeys } from "./documents.ts";
import { parseFrontmatter } from "./safe-matter.server.ts";
import { quizProblems, type QuizDefinition } from "./quiz.ts";
import { parseQuizPolicy } from "./quiz-policy.ts";
import { scenarioProblems, type ScenarioGraph } from "./scenario.ts";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
export type ContentProblem = { line: number; column: number; message: string };
export type LessonActivities = { quizzes: QuizDefinition[]; scenarios: ScenarioGraph[]; reflections: string[]; checklists: string[]; links: string[] };

// The one component map: what may appear in any lesson, and the props each accepts.
const allowedProps: Record<string, readonly string[]> = {
  Callout: ["type", "title"],
  Term: ["meaning"],
  Cite: ["doc", "art"],
  Checklist: ["id", "title"],
  Step: [],
  Reflection: ["id", "prompt"],
  Scenario: ["id", "title", "start"],
  Scene: ["id", "ending"],
  Option: ["to"],
  Quiz: ["id", "attempts", "waitMinutes", "showAnswers"],
  Question: ["id", "prompt", "multiple"],
  Choice: ["correct"],
  Explanation: [],
  Figure: ["src", "alt", "width", "height", "caption"],
};
export const componentNames = Object.keys(allowedProps);
// Interactive components become islands of the pre-rendered page, so they stand on their own at top level.
const islandNames = new Set(["Quiz", "Scenario", "Checklist", "Reflection"]);
// Parts of a component stand directly inside it, where the renderer and the grader look for them.
const requiredParent: Record<string, string> = { Scene: "Scenario", Option: "Scene", Step: "Checklist", Question: "Quiz", Choice: "Question", Explanation: "Question" };

const forbiddenNodes: Record<string, string> = {
  mdxjsEsm: "không được dùng import/export",
  mdxFlowExpression: "không được dùng biểu thức JavaScript {…}",
  mdxTextExpression: "không được dùng biểu thức JavaScript {…}",
  html: "không được dùng HTML thô",
};

// Links and images may point at web pages or at pages of this site, never at javascript: or data: URLs.
export function isSafeUrl(url: string) {
  const trimmed = url.trim();
  // "//host" and "/\host" are other sites to a browser.
  if (/^[\\/]{2}/.test(trimmed)) return false;
  return /^(https?:\/\/|mailto:|\/|#)/i.test(trimmed) || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

function isJsx(node: unknown): node is JsxElement {
  const type = (node as { type?: string }).type;
  return type === "mdxJsxFlowElement" || type === "mdxJsxTextElement";
}

function at(node: { position?: { start: { line: number; column: number } } }) {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

export function attr(node: JsxElement, name: string): string | true | undefined {
  for (const a of node.attributes) {
    if (a.type === "mdxJsxAttribute" && a.name === name) return typeof a.value === "string" ? a.value : true;
  }
  return undefined;
}

function stringAttr(node: JsxElement, name: string) {
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

function extractQuiz(node: JsxElement): { quiz: QuizDefinition; policyProblems: string[] } {
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

function extractScenario(node: JsxElement): ScenarioGraph {
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

/**
 * Checks a lesson against the component map and pulls out what the server grades.
 * Quizzes are replaced by a bare `<Quiz id>` so the answer key never reaches the bundle; their
 * policy travels with the page data.
 */
export function checkAndExtract(tree: Root) {
  const problems: ContentProblem[] = [];
  const activities: LessonActivities = { quizzes: [], scenarios: [], reflections: [], checklists: [], links: [] };
  const problem = (node: Parameters<typeof at>[0], message: string) => problems.push({ ...at(node), message });

  visit(tree, (node, index, parent) => {
    const forbidden = forbiddenNodes[node.type];
    if (forbidden) {
      problem(node, forbidden);
      return;
    }
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      if (!isSafeUrl(node.url)) problem(node, `đường dẫn "${node.url}" không được phép: chỉ dùng https://, http:// hoặc đường dẫn trong trang`);
      else if (node.url.startsWith("/")) activities.links.push(node.url);
    }
    if (!isJsx(node)) return;
    const name = node.name ?? "";
    const props = allowedProps[name];
    if (!props) {
      problem(node, `thành phần <${name || "fragment"}> không được phép; chỉ dùng: ${componentNames.join(", ")}`);
      return;
    }
    for (const a of node.attributes) {
      if (a.type !== "mdxJsxAttribute") problem(node, `<${name}>: không được dùng {...thuộc tính}`);
      else if (!props.includes(a.name)) problem(node, `<${name}>: thuộc tính "${a.name}" không được phép`);
      else if (a.value !== null && typeof a.value !== "string")
        problem(node, `<${name} ${a.name}>: giá trị phải là chuỗi cố định, không phải biểu thức`);
    }
    const expectedParent = requiredParent[name];
    if (expectedParent && !(isJsx(parent) && parent.name === expectedParent)) problem(node, `<${name}> phải nằm trực tiếp trong <${expectedParent}>, trên dòng riêng`);
    if (name === "Reflection") activities.reflections.push(stringAttr(node, "id"));
    if (name === "Checklist") activities.checklists.push(stringAttr(node, "id"));
    if (islandNames.has(name) && parent?.type !== "root") problem(node, `<${name}> phải đứng riêng ở cấp ngoài cùng, không lồng trong thành phần hay đoạn văn khác`);
    const src = attr(node, "src");
    if (name === "Figure" && (typeof src !== "string" || !isSafeUrl(src))) problem(node, `<Figure src>: đường dẫn ảnh không hợp lệ`);
    // The image's box is reserved before it loads, so the text does not jump on a slow phone.
    if (name === "Figure" && !["width", "height"].every((size) => /^[1-9]\d{0,4}$/.test(stringAttr(node, size))))
      problem(node, `<Figure>: cần width và height là số điểm ảnh, ví dụ width="640" height="360"`);
    if (name === "Cite" && !citedDocumentKeys.has(stringAttr(node, "doc")))
      problem(node, `<Cite doc="${stringAttr(node, "doc")}">: văn bản chưa có trong danh mục`);
    if (name === "Quiz" && parent && index !== undefined) {
      const { quiz, policyProblems } = extractQuiz(node);
      activities.quizzes.push(quiz);
      for (const message of [...policyProblems, ...quizProblems(quiz)]) problem(node, message);
      node.children = [];
      node.attributes = node.attributes.filter((a) => a.type === "mdxJsxAttribute" && a.name === "id");
    }
    if (name === "Scenario") {
      const scenario = extractScenario(node);
      activities.scenarios.push(scenario);
      for (const message of scenarioProblems(scenario)) problem(node, message);
    }
  });
  return { problems, activities };
}

/**
 * Parses a body as the bundler will (after its frontmatter, through the MDX compiler's remark stage,
 * which also unravels components written on their own line) and checks it, without bundling. This is
 * where an author's Markdown can take long to parse; the compile worker runs it first, so that a body
 * over the time budget is stopped before any bundling starts. Never throws: a body that does not
 * parse gives its syntax error as a problem.
 */
export function validateMdx(body: string): ContentProblem[] {
  let problems: ContentProblem[] | undefined;
  // Checked, and nothing further of the compile is needed: the check stops the pipeline.
  const checked = new Error("checked");
  const processor = createProcessor({
    remarkPlugins: [
      () => (tree: Root) => {
        problems = checkAndExtract(tree).problems;
        throw checked;
      },
    ],
  });
  try {
    processor.processSync(parseFrontmatter(body).content);
  } catch (error) {
    if (problems) return problems;
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    return [{ line: place.line ?? 1, column: place.column ?? 1, message: `MDX lỗi cú pháp: ${place.reason ?? place.message ?? String(error)}` }];
  }
  return problems ?? [];
}
