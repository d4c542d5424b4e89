import path from "node:path";
import { expect, test } from "vitest";
import { isNode, parseSource, sources, type Node } from "./tsx-sources.ts";

/**
 * Every text a user reads comes from the message files (app/i18n/vi/*.ts and their English), so that the
 * language switch switches all of it. This walks the routes and components and fails on a text written in
 * place: JSX text, a user-facing attribute (title, alt, placeholder, aria-label…), or a page title in `meta`.
 */
const userFacingAttributes = new Set(["title", "alt", "placeholder", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext", "label"]);
const words = /\p{L}{2,}/u;

/** A string written out: a literal, or a template without substitutions; the text outside `${…}` of one with them. */
function writtenText(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === "StringLiteral") return node.value as string;
  if (node.type === "TemplateLiteral") return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(" ");
  if (node.type === "JSXExpressionContainer") return writtenText(node.expression);
  return undefined;
}

export function hardCoded(file: string): string[] {
  const ast = parseSource(file);
  const found: string[] = [];
  const report = (node: Node, value: string) => found.push(`${file}:${node.loc!.start.line} ${JSON.stringify(value.trim())}`);
  const visit = (node: Node, inMeta: boolean) => {
    if (node.type === "JSXText" && words.test(node.value as string)) report(node, node.value as string);
    if (node.type === "JSXAttribute" && userFacingAttributes.has((node.name as Node).name as string)) {
      const value = writtenText(node.value);
      if (value !== undefined && words.test(value)) report(node, value);
    }
    if (inMeta && node.type === "ObjectExpression") {
      const properties = (node.properties as Node[]).filter((p) => p.type === "ObjectProperty");
      const named = (key: string) => properties.find((p) => (p.key as Node).name === key);
      // A title, and the content of a description; a robots directive's "noindex" is not prose.
      const read = [named("title"), writtenText(named("name")?.value) === "description" ? named("content") : undefined];
      for (const property of read) {
        const value = property && writtenText(property.value);
        if (property && value !== undefined && words.test(value)) report(property, value);
      }
    }
    const entersMeta = (node.type === "VariableDeclarator" || node.type === "FunctionDeclaration") && (node.id as Node | null)?.name === "meta";
    for (const [key, child] of Object.entries(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments") continue;
      for (const item of Array.isArray(child) ? child : [child]) if (isNode(item)) visit(item, inMeta || entersMeta);
    }
  };
  visit(ast.program as unknown as Node, false);
  return found;
}

test("no user-visible text is written in a route or a component: it lives in the message files", () => {
  const files = [...sources("app/routes"), ...sources("app/components"), "app/root.tsx"];
  expect(files.length).toBeGreaterThan(30);
  expect(files.flatMap(hardCoded)).toEqual([]);
});

test("the check finds what it is for", () => {
  const probe = path.join("tests", "unit", "fixtures", "hard-coded-probe.tsx");
  expect(hardCoded(probe)).toEqual([`${probe}:3 "Xin chào"`, `${probe}:4 "Tìm kiếm"`, `${probe}:7 "Cán bộ · Lan Tỏa"`]);
  const declared = path.join("tests", "unit", "fixtures", "hard-coded-probe-function.tsx");
  expect(hardCoded(declared)).toEqual([`${declared}:3 "Đăng nhập · Lan Tỏa"`]);
});
