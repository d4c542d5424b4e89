import { readFileSync } from "node:fs";
import path from "node:path";
import routes from "../../app/routes.ts";

/** The routes of app/routes.ts as React Router reads them: id, module file and full path. */
type ConfigRoute = { id?: string; file: string; path?: string; index?: boolean; children?: ConfigRoute[] };
const flatten = (entries: readonly ConfigRoute[], parent = ""): { id: string; file: string; path: string }[] =>
  entries.flatMap((r) => {
    const full = [parent, r.path ?? ""].filter(Boolean).join("/");
    return [{ id: r.id ?? r.file.replace(/\.[a-z0-9]+$/i, ""), file: r.file, path: `/${full}` }, ...flatten(r.children ?? [], full)];
  });
export const routeTable = flatten(routes as ConfigRoute[]);

// Sources as written: under mutation testing (npm run test:mutation) the working directory is Stryker's sandbox,
// whose copies of the mutated modules are instrumented beyond what these patterns read.
const sourceRoot = process.cwd().replace(/[\\/]\.stryker-tmp[\\/]sandbox-[^\\/]+$/, "");
const appSource = (file: string) => readFileSync(path.resolve(sourceRoot, "app", file), "utf8");

/** Whether a route module exports a loader or an action, read from its source (for tests that must not import app modules). */
export const exports = (file: string, name: "loader" | "action") => new RegExp(`^export (async function|function|const) ${name}\\b`, "m").test(appSource(file));

/**
 * The intents an action tells apart, read from its module and the app modules it imports, written as
 * `intent: z.literal("…")` or `intent: z.enum([…])` (the list inline or a constant of the same module).
 */
export function intentsOf(file: string) {
  const source = appSource(file);
  const imported = [...source.matchAll(/from "#app\/([^"]+)"/g)].map((m) => m[1]!).filter((f) => /\.tsx?$/.test(f));
  const texts = [source, ...imported.map(appSource)];
  const quoted = (list: string) => [...list.matchAll(/"([\w-]+)"/g)].map((m) => m[1]!);
  const constant = (text: string, name: string) => new RegExp(`const ${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(text)?.[1] ?? "";
  return [
    ...new Set(
      texts.flatMap((text) => [
        ...[...text.matchAll(/intent:\s*z\.literal\("([\w-]+)"\)/g)].map((m) => m[1]!),
        ...[...text.matchAll(/intent\s*[:=]\s*z\.enum\((?:\[([^\]]*)\]|(\w+))\)/g)].flatMap((m) => quoted(m[1] ?? constant(text, m[2]!))),
      ]),
    ),
  ].sort();
}
