import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "#app/env.server.ts";
import { authorMessages } from "#app/i18n/vi/author.ts";
import type { BodyProblem, BundleOutcome, CompiledMdx } from "./compile-bundle.server.ts";
import { OverBudget, workerPool } from "./compile-pool.server.ts";
import { ContentError } from "./content-error.ts";

export type { CompiledMdx };

// What compiling one MDX body may cost. Some valid Markdown takes quadratic time to parse (30,000 "_*"
// took half a minute); past the budget the body is refused rather than compiled.
export const compileBudget = { timeMs: 5_000, chars: 200_000 };

// Bump when the rules or plugins change what a compile produces, to invalidate every cache entry.
// That includes the markup of the components rendered into lessons (app/components/mdx/).
export const compilerVersion = "6";
// The shipped lessons, compiled by `npm run build` (scripts/content-check.ts --build): every production
// process reads them there and none compiles them. The cache takes what the build does not hold.
export const builtContentDir = path.resolve("build/content");
const cacheDir = path.resolve(env.CONTENT_CACHE_DIR);
// Two workers: one author's heavy draft does not hold up every other compile, and the box has two cores.
const workers = workerPool<{ body: string; idPrefix: string }, BundleOutcome>(path.resolve("app/courses/compile-worker.mjs"), {
  size: 2,
  timeMs: compileBudget.timeMs,
  idleMs: 60_000,
  maxMemoryMb: 512,
});
const inMemory = new Map<string, Promise<BundleOutcome>>();
// Failures are remembered too, so a broken draft is not compiled again on every page view; only so many.
const failedKeys = new Set<string>();
const maxFailures = 500;
const overBudget: BodyProblem = { message: authorMessages["author.compileBudget"], messageKey: "author.compileBudget" };

export function contentHash(...parts: string[]) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/**
 * Compiles one MDX body in a compile worker, cached by the hash of the body and the compiler version:
 * in memory (failures too) and, for bodies that compile, on disk. Problems name the file and the line
 * in the whole file (`lineOffset` is the frontmatter's length).
 */
export async function compileMdx(file: string, body: string, lineOffset: number, options: { cache?: boolean } = {}): Promise<CompiledMdx> {
  const outcome = body.length > compileBudget.chars ? { ok: false as const, problems: [overBudget] } : await outcomeOf(body, options.cache !== false);
  if (outcome.ok) return outcome.compiled;
  throw new ContentError(outcome.problems.map((p) => ({ file, ...p, ...(p.line !== undefined && { line: p.line + lineOffset }) })));
}

function outcomeOf(body: string, persist: boolean): Promise<BundleOutcome> {
  const key = contentHash(compilerVersion, body);
  let outcome = inMemory.get(key);
  if (outcome) return outcome;
  outcome = (persist ? readCached(key) : Promise.resolve(null)).then((cached) => (cached ? { ok: true as const, compiled: cached } : compileFresh(key, body, persist)));
  inMemory.set(key, outcome);
  outcome.then(
    (settled) => {
      // Previews that compile are not kept: drafts change with every keystroke.
      if (settled.ok && !persist) inMemory.delete(key);
      if (!settled.ok) rememberFailure(key);
    },
    () => inMemory.delete(key),
  );
  return outcome;
}

function rememberFailure(key: string) {
  failedKeys.add(key);
  if (failedKeys.size <= maxFailures) return;
  const [oldest] = failedKeys;
  failedKeys.delete(oldest!);
  inMemory.delete(oldest!);
}

async function readCached(key: string): Promise<CompiledMdx | null> {
  for (const dir of [builtContentDir, cacheDir]) {
    try {
      return JSON.parse(await readFile(path.join(dir, `${key}.json`), "utf8")) as CompiledMdx;
    } catch {}
  }
  return null;
}

async function save(dir: string, key: string, compiled: CompiledMdx) {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `${key}.json`);
  await writeFile(`${target}.${process.pid}.tmp`, JSON.stringify(compiled));
  await rename(`${target}.${process.pid}.tmp`, target);
}

/** Writes every body this process has compiled or read, cached ones (not previews), to `dir`: how the build ships them. */
export async function saveCompiled(dir: string) {
  for (const [key, outcome] of inMemory) {
    const settled = await outcome;
    if (settled.ok) await save(dir, key, settled.compiled);
  }
}

async function compileFresh(key: string, body: string, persist: boolean): Promise<BundleOutcome> {
  const outcome = await workers.run({ body, idPrefix: key.slice(0, 8) }).catch((error: unknown) => {
    if (error instanceof OverBudget) return { ok: false as const, problems: [overBudget] };
    throw error;
  });
  if (outcome.ok && persist) await save(cacheDir, key, outcome.compiled);
  return outcome;
}
