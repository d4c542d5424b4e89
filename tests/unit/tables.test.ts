import path from "node:path";
import { expect, test } from "vitest";
import { parseSource, sources, walk, type Node } from "./tsx-sources.ts";

/**
 * Every table says what it lists (a caption, its first child, visible or visually hidden) and whether each
 * header cell heads a column or a row (`scope`), so a screen reader names the table and reads each cell with
 * its headers (issue 12). The e2e axe run checks the same on the rendered pages it visits; this reads them all.
 */
export function tableProblems(file: string): string[] {
  const problems: string[] = [];
  const name = (element: Node) => ((element.openingElement as Node).name as Node).name;
  const attribute = (element: Node, key: string) => ((element.openingElement as Node).attributes as Node[]).some((a) => a.type === "JSXAttribute" && (a.name as Node).name === key);
  walk(parseSource(file) as unknown as Node, (node) => {
    if (node.type !== "JSXElement") return;
    const at = `${file}:${node.loc!.start.line}`;
    if (name(node) === "table") {
      const first = (node.children as Node[]).find((c) => c.type !== "JSXText" || /\S/.test(c.value as string));
      if (!first || first.type !== "JSXElement" || name(first) !== "caption") problems.push(`${at} table without a caption`);
    }
    if (name(node) === "th" && !attribute(node, "scope")) problems.push(`${at} th without scope`);
  });
  return problems;
}

test("every table in the app has a caption and scoped header cells", () => {
  const files = [...sources("app/routes"), ...sources("app/components")];
  expect(files.length).toBeGreaterThan(30);
  expect(files.flatMap(tableProblems)).toEqual([]);
});

test("the check finds what it is for", () => {
  const probe = path.join("tests", "unit", "fixtures", "table-probe.tsx");
  expect(tableProblems(probe)).toEqual([`${probe}:3 table without a caption`, `${probe}:6 th without scope`, `${probe}:11 table without a caption`]);
});
