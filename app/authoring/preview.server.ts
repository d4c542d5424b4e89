import { compileMdx } from "#app/courses/compile.server.ts";
import { ContentError, type ContentIssue } from "#app/courses/content-error.ts";
import { courseFileName } from "#app/courses/content.server.ts";
import { courseFrontmatter, lessonFrontmatter } from "#app/courses/course-schema.ts";
import { parseMdx } from "#app/courses/frontmatter.server.ts";
import type { LessonPart } from "#app/courses/lesson-parts.ts";
import { publicQuiz, type PublicQuiz } from "#app/courses/quiz.ts";

export type Preview = { ok: true; title: string; parts: LessonPart[]; quiz: PublicQuiz | null } | { ok: false; issues: ContentIssue[] };

/** Compiles one draft file under the same rules as publishing, without caching it. */
export async function previewFile(name: string, source: string): Promise<Preview> {
  try {
    const parsed =
      name === courseFileName ? parseMdx(name, source, courseFrontmatter) : parseMdx(name, source, lessonFrontmatter);
    const compiled = await compileMdx(name, parsed.body, parsed.bodyLineOffset, { cache: false });
    const quiz = compiled.activities.quizzes[0];
    return { ok: true, title: parsed.data.title, parts: compiled.parts, quiz: quiz ? publicQuiz(quiz) : null };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, issues: error.issues };
    throw error;
  }
}
