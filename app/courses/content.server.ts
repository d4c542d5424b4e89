import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AttendanceRule } from "./completion.ts";
import { ContentError, type ContentIssue } from "./content-error.ts";
import { compileMdx, contentHash, type CompiledMdx } from "./compile.server.ts";
import { courseFrontmatter, lessonFrontmatter, type CourseFrontmatter } from "./course-schema.ts";
import { parseMdx } from "./frontmatter.server.ts";
import type { QuizDefinition } from "./quiz.ts";
import type { ScenarioGraph } from "./scenario.ts";
import { islandImporters } from "#app/components/mdx/islands.ts";

/** A course's MDX files by name ("course.mdx", "01-….mdx"), from a folder or from the database. */
export type CourseSource = { slug: string; location: string; files: Record<string, string> };

export type LessonContent = {
  slug: string;
  file: string;
  title: string;
  minutes: number;
  moduleTitle: string;
  position: number;
  prerequisites: string[];
  optional: boolean;
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
  prerequisites: string[];
  modules: CourseFrontmatter["modules"];
  hash: string;
  intro: CompiledMdx;
  lessons: LessonContent[];
  quiz: QuizDefinition | null;
  scenarios: ScenarioGraph[];
  requiredScenarioIds: string[];
  // Absent from app-authored courses stored compiled before classes were recorded (completionRule reads it).
  attendance?: AttendanceRule;
};

export const courseFileName = "course.mdx";
export const lessonSlug = (file: string) => file.replace(/^\d{2}-/, "");

/** Validates and compiles one course; every problem in it is reported at once, by file and line. */
export async function compileCourse({ slug, location, files }: CourseSource): Promise<CourseContent> {
  const where = (name: string) => path.join(location, name);
  const courseSource = files[courseFileName];
  if (courseSource === undefined) throw new ContentError([{ file: where(courseFileName), message: "thiếu tệp course.mdx" }]);
  const course = parseMdx(where(courseFileName), courseSource, courseFrontmatter);
  const issues: ContentIssue[] = [];
  const fm = course.data;
  const listed = fm.modules.flatMap((m, moduleIndex) => m.lessons.map((lesson) => ({ lesson, moduleIndex })));
  const lessonFiles = Object.keys(files).filter((f) => f.endsWith(".mdx") && f !== courseFileName).map((f) => f.slice(0, -4));
  for (const file of lessonFiles)
    if (!listed.some((l) => l.lesson === file)) issues.push({ file: where(`${file}.mdx`), message: "bài học không có trong modules của course.mdx" });

  const intro = await compileMdx(where(courseFileName), course.body, course.bodyLineOffset).catch((e) => collect(e, issues));
  const lessons: LessonContent[] = [];
  for (const [position, { lesson, moduleIndex }] of listed.entries()) {
    const source = files[`${lesson}.mdx`];
    if (source === undefined) {
      issues.push({ file: where(courseFileName), message: `modules: bài "${lesson}" không có tệp ${lesson}.mdx` });
      continue;
    }
    try {
      const parsed = parseMdx(where(`${lesson}.mdx`), source, lessonFrontmatter);
      for (const required of parsed.data.prerequisites)
        if (!listed.some((l) => l.lesson === required))
          issues.push({ file: where(`${lesson}.mdx`), message: `prerequisites: không có bài "${required}" trong khóa học` });
      lessons.push({
        slug: lessonSlug(lesson),
        file: lesson,
        title: parsed.data.title,
        minutes: parsed.data.minutes,
        moduleTitle: fm.modules[moduleIndex]!.title,
        position,
        prerequisites: parsed.data.prerequisites.map(lessonSlug),
        optional: parsed.data.optional,
        hash: contentHash(source),
        compiled: await compileMdx(where(`${lesson}.mdx`), parsed.body, parsed.bodyLineOffset),
      });
    } catch (error) {
      collect(error, issues);
    }
  }

  const quizzes = lessons.flatMap((l) => l.compiled.activities.quizzes);
  const scenarios = lessons.flatMap((l) => l.compiled.activities.scenarios);
  const quiz = quizzes.find((q) => q.id === fm.completion.quiz) ?? null;
  if (fm.completion.quiz && !quiz) issues.push({ file: where(courseFileName), message: `completion.quiz: không có <Quiz id="${fm.completion.quiz}">` });
  if (quizzes.length > 1) issues.push({ file: where(courseFileName), message: "mỗi khóa học chỉ có một <Quiz>" });
  const activityIds = [
    ...scenarios.map((s) => `Scenario id="${s.id}"`),
    ...lessons.flatMap((l) => l.compiled.activities.reflections.map((id) => `Reflection id="${id}"`)),
    ...lessons.flatMap((l) => l.compiled.activities.checklists.map((id) => `Checklist id="${id}"`)),
  ];
  for (const id of new Set(activityIds.filter((id, i) => activityIds.indexOf(id) !== i))) issues.push({ file: where(courseFileName), message: `<${id}> xuất hiện hơn một lần trong khóa học` });
  if (intro && intro.parts.some((p) => "island" in p))
    issues.push({ file: where(courseFileName), message: `phần giới thiệu không chứa thành phần tương tác (${Object.keys(islandImporters).join(", ")}): đặt chúng trong một bài học` });
  for (const id of fm.completion.scenarios)
    if (!scenarios.some((s) => s.id === id)) issues.push({ file: where(courseFileName), message: `completion.scenarios: không có <Scenario id="${id}">` });
  if (issues.length > 0 || !intro) throw new ContentError(issues);

  return {
    slug,
    title: fm.title,
    order: fm.order,
    summary: fm.summary,
    audience: fm.audience,
    passMark: fm.passMark,
    prerequisites: fm.prerequisites,
    modules: fm.modules,
    hash: contentHash(courseSource, ...lessons.map((l) => l.hash)),
    intro,
    lessons,
    quiz,
    scenarios,
    requiredScenarioIds: fm.completion.scenarios,
    attendance: fm.attendance,
  };
}

function collect(error: unknown, issues: ContentIssue[]): undefined {
  if (error instanceof ContentError) issues.push(...error.issues);
  else throw error;
}

export async function readCourseDir(dir: string): Promise<CourseSource> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).filter((f) => f.endsWith(".mdx"))) files[name] = await readFile(path.join(dir, name), "utf8");
  return { slug: path.basename(dir), location: dir, files };
}

export async function loadCourse(dir: string) {
  return compileCourse(await readCourseDir(dir));
}

export async function courseDirs(root: string) {
  const entries = await readdir(root, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => path.join(root, e.name)).sort();
}

/** Compiles many courses; throws one ContentError listing the problems of all of them. */
export async function compileCourses(sources: CourseSource[]) {
  const issues: ContentIssue[] = [];
  const courses: CourseContent[] = [];
  for (const source of sources) {
    try {
      courses.push(await compileCourse(source));
    } catch (error) {
      collect(error, issues);
    }
  }
  if (issues.length > 0) throw new ContentError(issues);
  return courses;
}

export async function loadAllCourses(root: string) {
  return compileCourses(await Promise.all((await courseDirs(root)).map(readCourseDir)));
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
