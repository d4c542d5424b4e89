import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ContentError, type ContentIssue } from "./content-error.ts";
import { compileMdx, contentHash, type CompiledMdx } from "./compile.server.ts";
import { courseFrontmatter, lessonFrontmatter, type CourseFrontmatter } from "./course-schema.ts";
import { parseMdx } from "./frontmatter.server.ts";
import type { QuizDefinition } from "./quiz.ts";
import type { ScenarioGraph } from "./scenario.ts";

export type LessonContent = {
  slug: string;
  title: string;
  minutes: number;
  moduleTitle: string;
  position: number;
  hash: string;
  compiled: CompiledMdx;
};

export type CourseContent = {
  slug: string;
  title: string;
  order: number;
  summary: string;
  audience: string;
  passMark: number;
  modules: CourseFrontmatter["modules"];
  hash: string;
  intro: CompiledMdx;
  lessons: LessonContent[];
  quiz: QuizDefinition | null;
  scenarios: ScenarioGraph[];
  requiredScenarioIds: string[];
};

async function readCourseFile(file: string) {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new ContentError([{ file, message: "không đọc được tệp" }]);
  }
}

/** Reads, validates and compiles one course folder; every problem in it is reported at once. */
export async function loadCourse(dir: string): Promise<CourseContent> {
  const slug = path.basename(dir);
  const courseFile = path.join(dir, "course.mdx");
  const course = parseMdx(courseFile, await readCourseFile(courseFile), courseFrontmatter);
  const issues: ContentIssue[] = [];
  const fm = course.data;
  const listed = fm.modules.flatMap((m, moduleIndex) => m.lessons.map((lesson) => ({ lesson, moduleIndex })));

  const onDisk = (await readdir(dir)).filter((f) => f.endsWith(".mdx") && f !== "course.mdx").map((f) => f.slice(0, -4));
  for (const file of onDisk)
    if (!listed.some((l) => l.lesson === file)) issues.push({ file: path.join(dir, `${file}.mdx`), message: "bài học không có trong modules của course.mdx" });

  const lessons: LessonContent[] = [];
  const intro = await compileMdx(courseFile, course.body, course.bodyLineOffset).catch((e) => collect(e, issues));
  for (const [position, { lesson, moduleIndex }] of listed.entries()) {
    const file = path.join(dir, `${lesson}.mdx`);
    if (!onDisk.includes(lesson)) {
      issues.push({ file: courseFile, message: `modules: bài "${lesson}" không có tệp ${lesson}.mdx` });
      continue;
    }
    try {
      const source = await readCourseFile(file);
      const parsed = parseMdx(file, source, lessonFrontmatter);
      lessons.push({
        slug: lesson.replace(/^\d{2}-/, ""),
        title: parsed.data.title,
        minutes: parsed.data.minutes,
        moduleTitle: fm.modules[moduleIndex]!.title,
        position,
        hash: contentHash(source),
        compiled: await compileMdx(file, parsed.body, parsed.bodyLineOffset),
      });
    } catch (error) {
      collect(error, issues);
    }
  }

  const quizzes = lessons.flatMap((l) => l.compiled.activities.quizzes);
  const scenarios = lessons.flatMap((l) => l.compiled.activities.scenarios);
  const quiz = quizzes.find((q) => q.id === fm.completion.quiz) ?? null;
  if (fm.completion.quiz && !quiz) issues.push({ file: courseFile, message: `completion.quiz: không có <Quiz id="${fm.completion.quiz}">` });
  for (const id of fm.completion.scenarios)
    if (!scenarios.some((s) => s.id === id)) issues.push({ file: courseFile, message: `completion.scenarios: không có <Scenario id="${id}">` });
  if (issues.length > 0 || !intro) throw new ContentError(issues);

  return {
    slug,
    title: fm.title,
    order: fm.order,
    summary: fm.summary,
    audience: fm.audience,
    passMark: fm.passMark,
    modules: fm.modules,
    hash: contentHash(...[intro.code, ...lessons.map((l) => l.hash)]),
    intro,
    lessons,
    quiz,
    scenarios,
    requiredScenarioIds: fm.completion.scenarios,
  };
}

function collect(error: unknown, issues: ContentIssue[]): undefined {
  if (error instanceof ContentError) issues.push(...error.issues);
  else throw error;
}

export async function courseDirs(root: string) {
  const entries = await readdir(root, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => path.join(root, e.name)).sort();
}

/** Loads every course under the content root; throws one ContentError listing all problems. */
export async function loadAllCourses(root: string) {
  const issues: ContentIssue[] = [];
  const courses: CourseContent[] = [];
  for (const dir of await courseDirs(root)) {
    try {
      courses.push(await loadCourse(dir));
    } catch (error) {
      collect(error, issues);
    }
  }
  if (issues.length > 0) throw new ContentError(issues);
  return courses.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** A cheap fingerprint of the content tree (names, sizes, mtimes) to notice edits in development. */
export async function contentFingerprint(root: string) {
  const parts: string[] = [];
  for (const dir of await courseDirs(root)) {
    for (const file of (await readdir(dir)).sort()) {
      const info = await stat(path.join(dir, file));
      parts.push(`${dir}/${file}:${info.size}:${info.mtimeMs}`);
    }
  }
  return contentHash(...parts);
}
