import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Root } from "mdast";
import { bundleMDX } from "mdx-bundler";
import { ContentError, type ContentIssue } from "./content-error.ts";
import type { LessonPart } from "./lesson-parts.ts";
import { checkAndExtract, type ContentProblem, type LessonActivities } from "./mdx-rules.server.ts";
import { renderLesson } from "./render-lesson.server.tsx";
import { safeMatterOptions } from "./safe-matter.server.ts";

export type CompiledMdx = { code: string; activities: LessonActivities; parts: LessonPart[] };

// Bump when the rules or plugins change what a compile produces, to invalidate every cache entry.
// That includes the markup of the components rendered into lessons (app/components/mdx/).
const compilerVersion = "5";
const cacheDir = path.resolve(".cache/mdx");
const inMemory = new Map<string, Promise<CompiledMdx>>();
let queue: Promise<unknown> = Promise.resolve();

export function contentHash(...parts: string[]) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/**
 * Compiles one MDX body, at most one compile at a time (esbuild is CPU-bound and the box has
 * two cores), cached in memory and on disk by the hash of the body and the compiler version.
 */
export function compileMdx(file: string, body: string, lineOffset: number, options: { cache?: boolean } = {}): Promise<CompiledMdx> {
  const key = contentHash(compilerVersion, body);
  // Previews of work in progress are compiled but never cached: drafts change with every keystroke.
  if (options.cache === false) return enqueue(() => compileFresh(key, file, body, lineOffset, false));
  let compiled = inMemory.get(key);
  if (!compiled) {
    compiled = readCached(key).then((cached) => cached ?? enqueue(() => compileFresh(key, file, body, lineOffset)));
    compiled.catch(() => inMemory.delete(key));
    inMemory.set(key, compiled);
  }
  return compiled;
}

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function readCached(key: string): Promise<CompiledMdx | null> {
  try {
    return JSON.parse(await readFile(path.join(cacheDir, `${key}.json`), "utf8")) as CompiledMdx;
  } catch {
    return null;
  }
}

async function compileFresh(key: string, file: string, body: string, lineOffset: number, persist = true): Promise<CompiledMdx> {
  let problems: ContentProblem[] = [];
  let activities: LessonActivities = { quizzes: [], scenarios: [], reflections: [], checklists: [], links: [] };
  let result: Awaited<ReturnType<typeof bundleMDX>>;
  try {
    result = await bundleMDX({
      source: body,
      grayMatterOptions: safeMatterOptions,
      // Problems are returned to the caller with file and line; esbuild's own log would only repeat them.
      esbuildOptions: (options) => ({ ...options, logLevel: "silent" }),
      mdxOptions(options) {
        const rules = () => (tree: Root) => {
          ({ problems, activities } = checkAndExtract(tree, lineOffset));
          // Stop before esbuild resolves anything a forbidden import names.
          if (problems.length > 0) throw new Error("MDX rules violated");
        };
        // First, before mdx-bundler's own plugins add their frontmatter export.
        options.remarkPlugins = [rules, ...(options.remarkPlugins ?? [])];
        return options;
      },
    });
  } catch (error) {
    // Rule problems (an import, say) explain a failed bundle better than the bundler's own message.
    if (problems.length > 0) throw new ContentError(problems.map((p) => ({ file, ...p })));
    throw new ContentError(syntaxIssues(file, error, lineOffset));
  }
  if (problems.length > 0) throw new ContentError(problems.map((p) => ({ file, ...p })));
  const compiled = { code: result.code, activities, parts: renderLesson(result.code, key.slice(0, 8)) };
  if (!persist) return compiled;
  await mkdir(cacheDir, { recursive: true });
  const target = path.join(cacheDir, `${key}.json`);
  await writeFile(`${target}.${process.pid}.tmp`, JSON.stringify(compiled));
  await rename(`${target}.${process.pid}.tmp`, target);
  return compiled;
}

type EsbuildMessage = { text: string; location?: { line: number; column: number } | null };

function syntaxIssues(file: string, error: unknown, lineOffset: number): ContentIssue[] {
  const messages = (error as { errors?: EsbuildMessage[] }).errors;
  if (!messages?.length) return [{ file, message: `MDX lỗi: ${(error as Error).message}` }];
  return messages.map((m) => ({
    file,
    line: m.location ? m.location.line + lineOffset : undefined,
    column: m.location ? m.location.column + 1 : undefined,
    message: `MDX lỗi cú pháp: ${m.text}`,
  }));
}
