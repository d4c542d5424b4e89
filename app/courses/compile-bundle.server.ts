import type { Root } from "mdast";
import { bundleMDX } from "mdx-bundler";
import type { ContentIssue } from "./content-error.ts";
import { checkAndExtract, validateMdx, type LessonActivities } from "./mdx-rules.server.ts";
import type { LessonPart } from "./lesson-parts.ts";
import { renderLesson } from "./render-lesson.server.tsx";
import { safeMatterOptions } from "./safe-matter.server.ts";

export type CompiledMdx = { code: string; activities: LessonActivities; parts: LessonPart[] };
/** A problem in a body, its line counted within the body; the caller adds the file and the frontmatter's lines. */
export type BodyProblem = Omit<ContentIssue, "file">;
export type BundleOutcome = { ok: true; compiled: CompiledMdx } | { ok: false; problems: BodyProblem[] };

/**
 * Validates, bundles and pre-renders one MDX body. It runs in a compile worker (compile-worker.mjs):
 * parsing an author's Markdown can take seconds, which the server's main thread cannot spare.
 */
export async function bundleLesson(body: string, idPrefix: string): Promise<BundleOutcome> {
  let problems = validateMdx(body);
  if (problems.length > 0) return { ok: false, problems };
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
          ({ problems, activities } = checkAndExtract(tree));
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
    return { ok: false, problems: problems.length > 0 ? problems : syntaxProblems(error) };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, compiled: { code: result.code, activities, parts: renderLesson(result.code, idPrefix) } };
}

type EsbuildMessage = { text: string; location?: { line: number; column: number } | null };

function syntaxProblems(error: unknown): BodyProblem[] {
  const messages = (error as { errors?: EsbuildMessage[] }).errors;
  if (!messages?.length) return [{ message: `MDX lỗi: ${(error as Error).message}` }];
  return messages.map((m) => ({
    line: m.location?.line,
    column: m.location ? m.location.column + 1 : undefined,
    message: `MDX lỗi cú pháp: ${m.text}`,
  }));
}
