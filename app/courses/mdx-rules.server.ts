import { createProcessor } from "@mdx-js/mdx";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { componentNames, isIslandEntry, lessonComponent, type LessonComponent } from "#app/components/mdx/registry.server.ts";
import { attr, isJsx, isSafeUrl, type JsxElement } from "./mdx-nodes.server.ts";
import { parseFrontmatter } from "./safe-matter.server.ts";
import type { QuizDefinition } from "./quiz.ts";
import type { ScenarioGraph } from "./scenario.ts";

export type ContentProblem = { line: number; column: number; message: string };
export type LessonActivities = { quizzes: QuizDefinition[]; scenarios: ScenarioGraph[]; reflections: string[]; checklists: string[]; links: string[] };

const forbiddenNodes: Record<string, string> = {
  mdxjsEsm: "không được dùng import/export",
  mdxFlowExpression: "không được dùng biểu thức JavaScript {…}",
  mdxTextExpression: "không được dùng biểu thức JavaScript {…}",
  html: "không được dùng HTML thô",
};

function at(node: { position?: { start: { line: number; column: number } } }) {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** Each prop's literal value against the rule its component's entry gives it. */
function propProblems(node: JsxElement, name: string, props: LessonComponent["props"]) {
  return Object.entries(props).flatMap(([prop, rule]) => {
    // An expression is refused already; it has no literal value to check.
    if (node.attributes.some((a) => a.type === "mdxJsxAttribute" && a.name === prop && a.value !== null && typeof a.value !== "string")) return [];
    const value = attr(node, prop);
    const parsed = rule.safeParse(value);
    if (parsed.success) return [];
    const shown = typeof value === "string" ? `${prop}="${value}"` : prop;
    return parsed.error.issues.map((issue) => `<${name} ${shown}>: ${issue.message}`);
  });
}

/**
 * Checks a lesson against the lesson components' registry and pulls out what the server grades.
 * Quizzes are replaced by a bare `<Quiz id>` so the answer key never reaches the bundle; their
 * policy travels with the page data.
 */
export function checkAndExtract(tree: Root) {
  const problems: ContentProblem[] = [];
  const activities: LessonActivities = { quizzes: [], scenarios: [], reflections: [], checklists: [], links: [] };
  const problem = (node: Parameters<typeof at>[0], message: string) => problems.push({ ...at(node), message });

  visit(tree, (node, _index, parent) => {
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
    const component = lessonComponent(name);
    if (!component) {
      problem(node, `thành phần <${name || "fragment"}> không được phép; chỉ dùng: ${componentNames.join(", ")}`);
      return;
    }
    for (const a of node.attributes) {
      if (a.type !== "mdxJsxAttribute") problem(node, `<${name}>: không được dùng {...thuộc tính}`);
      else if (!Object.hasOwn(component.props, a.name)) problem(node, `<${name}>: thuộc tính "${a.name}" không được phép`);
      else if (a.value !== null && typeof a.value !== "string")
        problem(node, `<${name} ${a.name}>: giá trị phải là chuỗi cố định, không phải biểu thức`);
    }
    for (const message of propProblems(node, name, component.props)) problem(node, message);
    if (isIslandEntry(component)) {
      // Interactive components become islands of the pre-rendered page, so they stand on their own at top level.
      if (parent?.type !== "root") problem(node, `<${name}> phải đứng riêng ở cấp ngoài cùng, không lồng trong thành phần hay đoạn văn khác`);
    } else if (component.parent && !(isJsx(parent) && parent.name === component.parent))
      problem(node, `<${name}> phải nằm trực tiếp trong <${component.parent}>, trên dòng riêng`);
    for (const message of component.check?.(node, activities) ?? []) problem(node, message);
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
