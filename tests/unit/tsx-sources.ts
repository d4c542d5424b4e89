import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@babel/parser";

/** Checks that read the app's TSX (TypeScript 7 has no parser API for tests; Babel's, which React Router's build already uses, reads it). */
export const root = path.resolve(import.meta.dirname, "../..");

export type Node = { type: string; loc?: { start: { line: number } }; [key: string]: unknown };
export const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** The .ts and .tsx files under `dir` (relative to the repository), tests left out. */
export function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

export const parseSource = (file: string) => parse(readFileSync(path.join(root, file), "utf8"), { sourceType: "module", plugins: ["typescript", "jsx"] });

/** Calls `visit` on every node of the tree below `node`, comments left out. */
export function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const [key, child] of Object.entries(node)) {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments") continue;
    for (const item of Array.isArray(child) ? child : [child]) if (isNode(item)) walk(item, visit);
  }
}
