import path from "node:path";
import type { Db } from "#app/db.server.ts";
import type { CompletionRule } from "./completion.ts";
import { contentFingerprint, loadAllCourses, type CourseContent, type LessonContent } from "./content.server.ts";

export type CatalogLesson = LessonContent & { id: string };
export type CatalogCourse = Omit<CourseContent, "lessons"> & {
  id: string;
  version: number;
  lessons: CatalogLesson[];
  rule: CompletionRule;
};
export type Catalog = { courses: CatalogCourse[]; bySlug: Map<string, CatalogCourse> };

/**
 * Mirrors course content into the database: a changed course gets a new version, lessons keep
 * their ids (progress points at them), lessons removed from content stay so history survives.
 */
export async function syncCourse(db: Db, content: CourseContent): Promise<CatalogCourse> {
  const estimatedMinutes = content.lessons.reduce((sum, l) => sum + l.minutes, 0);
  const fields = { title: content.title, summary: content.summary, passMark: content.passMark, estimatedMinutes };
  const course = await db.$transaction(async (tx) => {
    const existing = await tx.course.findUnique({ where: { slug: content.slug }, select: { id: true, version: true, contentHash: true } });
    if (existing?.contentHash === content.hash) return tx.course.update({ where: { id: existing.id }, data: fields, select: { id: true, version: true } });
    const version = (existing?.version ?? 0) + 1;
    const saved = existing
      ? await tx.course.update({ where: { id: existing.id }, data: { ...fields, version, contentHash: content.hash }, select: { id: true, version: true } })
      : await tx.course.create({ data: { ...fields, slug: content.slug, source: "content", version, contentHash: content.hash }, select: { id: true, version: true } });
    await tx.courseVersion.create({ data: { courseId: saved.id, version, contentHash: content.hash } });
    return saved;
  });
  const lessons: CatalogLesson[] = [];
  for (const lesson of content.lessons) {
    const data = { title: lesson.title, position: lesson.position, moduleTitle: lesson.moduleTitle, estimatedMinutes: lesson.minutes, contentHash: lesson.hash };
    const row = await db.lesson.upsert({
      where: { courseId_slug: { courseId: course.id, slug: lesson.slug } },
      create: { ...data, courseId: course.id, slug: lesson.slug },
      update: data,
      select: { id: true },
    });
    lessons.push({ ...lesson, id: row.id });
  }
  return {
    ...content,
    id: course.id,
    version: course.version,
    lessons,
    rule: {
      lessonIds: lessons.map((l) => l.id),
      quiz: content.quiz ? { id: content.quiz.id, passMark: content.passMark } : null,
      scenarioIds: content.requiredScenarioIds,
    },
  };
}

export async function buildCatalog(db: Db, contentRoot: string): Promise<Catalog> {
  const courses: CatalogCourse[] = [];
  for (const content of await loadAllCourses(contentRoot)) courses.push(await syncCourse(db, content));
  return { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) };
}

type Loaded = { fingerprint: string; catalog: Promise<Catalog> };

/** Keeps one catalog per process; in development an edited file rebuilds it (compiles stay cached by hash). */
export function catalogStore(db: Db, contentRoot: string, options: { watch: boolean }) {
  const root = path.resolve(contentRoot);
  let loaded: Loaded | null = null;
  return async function getCatalog(): Promise<Catalog> {
    if (loaded && !options.watch) return loaded.catalog;
    const fingerprint = await contentFingerprint(root);
    if (loaded?.fingerprint !== fingerprint) {
      const catalog = buildCatalog(db, root);
      loaded = { fingerprint, catalog };
      catalog.catch(() => {
        if (loaded?.catalog === catalog) loaded = null;
      });
    }
    return loaded.catalog;
  };
}
