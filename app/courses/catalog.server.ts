import path from "node:path";
import type { Db } from "#app/db.server.ts";
import type { CompletionRule } from "./completion.ts";
import { registerParts } from "./html-registry.server.ts";
import { ContentError } from "./content-error.ts";
import { compileCourse, contentFingerprint, loadAllCourses, type CourseContent, type CourseSource, type LessonContent } from "./content.server.ts";

export type CourseOrigin = "content" | "app";
export type CatalogLesson = LessonContent & { id: string };
export type Recertification = { version: number; publishedAt: Date };
export type CatalogCourse = Omit<CourseContent, "lessons"> & {
  id: string;
  source: CourseOrigin;
  version: number;
  /** The latest version a trainer marked as requiring everyone certified earlier to redo the course. */
  recertification: Recertification | null;
  lessons: CatalogLesson[];
  rule: CompletionRule;
};
export type Catalog = { courses: CatalogCourse[]; bySlug: Map<string, CatalogCourse> };

/**
 * Mirrors compiled content into the database: a changed course gets a new version (with the
 * published files as its snapshot when given), lessons keep their ids because progress points at
 * them, and lessons removed from content stay so history survives.
 */
export async function syncCourse(db: Db, content: CourseContent, origin: { source: CourseOrigin; snapshot?: Record<string, string> }): Promise<CatalogCourse> {
  const estimatedMinutes = content.lessons.reduce((sum, l) => sum + l.minutes, 0);
  const fields = { title: content.title, summary: content.summary, passMark: content.passMark, estimatedMinutes };
  const course = await db.$transaction(async (tx) => {
    // One INSERT … ON CONFLICT on PostgreSQL, which holds the row until commit: instances syncing the
    // same content at once take turns, and the later ones find the version the first one made.
    const existing = await tx.course.upsert({
      where: { slug: content.slug },
      create: { ...fields, slug: content.slug, source: origin.source, version: 0, contentHash: "" },
      update: fields,
      select: { id: true, version: true, contentHash: true },
    });
    if (existing.contentHash === content.hash) return existing;
    const version = existing.version + 1;
    const saved = await tx.course.update({ where: { id: existing.id }, data: { version, contentHash: content.hash }, select: { id: true, version: true } });
    const snapshot = origin.snapshot ? JSON.stringify(origin.snapshot) : null;
    await tx.courseVersion.create({ data: { courseId: saved.id, version, contentHash: content.hash, snapshot } });
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
    source: origin.source,
    version: course.version,
    recertification: null,
    lessons,
    rule: {
      lessonIds: lessons.map((l) => l.id),
      quiz: content.quiz ? { id: content.quiz.id, passMark: content.passMark } : null,
      scenarioIds: content.requiredScenarioIds,
    },
  };
}

/** The published files of every course authored in the app. */
export async function publishedAppCourses(db: Db): Promise<CourseSource[]> {
  const courses = await db.course.findMany({
    where: { source: "app", version: { gte: 1 } },
    select: { slug: true, version: true, versions: { orderBy: { version: "desc" }, take: 1, select: { snapshot: true } } },
  });
  return courses.map((c) => ({ slug: c.slug, location: "", files: JSON.parse(c.versions[0]?.snapshot ?? "{}") as Record<string, string> }));
}

export async function buildCatalog(db: Db, contentRoot: string): Promise<Catalog> {
  const courses: CatalogCourse[] = [];
  for (const content of await loadAllCourses(contentRoot)) courses.push(await syncCourse(db, content, { source: "content" }));
  for (const source of await publishedAppCourses(db)) {
    // A published snapshot passed the same checks when it was published; if rules tighten later,
    // one stale course must not take the whole catalog down.
    const content = await compileCourse(source).catch((error: unknown) => {
      if (error instanceof ContentError) return null;
      throw error;
    });
    if (content) courses.push(await syncCourse(db, content, { source: "app" }));
  }
  const requirements = await db.courseVersion.findMany({
    where: { requiresRecertification: true },
    orderBy: { version: "asc" },
    select: { courseId: true, version: true, publishedAt: true },
  });
  for (const course of courses) {
    course.recertification = requirements.findLast((r) => r.courseId === course.id) ?? null;
    registerParts(course.intro.parts);
    for (const lesson of course.lessons) registerParts(lesson.compiled.parts);
  }
  courses.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, "vi"));
  return { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) };
}

type Loaded = { stamp: string; catalog: Promise<Catalog> };

/**
 * One catalog per process. It is rebuilt when a course is published or a version is marked for
 * re-certification anywhere (several app instances share the database), checked at most once per
 * `recheckMs`, at once after `invalidate()`, and in development when a content file changes.
 * Compiles stay cached by content hash, so a rebuild is cheap.
 */
export function catalogStore(db: Db, contentRoot: string, options: { watch: boolean; recheckMs?: number }) {
  const root = path.resolve(contentRoot);
  const recheckMs = options.recheckMs ?? 1000;
  let loaded: Loaded | null = null;
  let checkedAt = 0;
  // The stamp is the state that shapes a catalog: published versions and those requiring re-certification.
  const stampNow = async () => {
    const [versions, recertify] = await Promise.all([
      db.courseVersion.count(),
      db.courseVersion.findMany({ where: { requiresRecertification: true }, select: { id: true }, orderBy: { id: "asc" } }),
    ]);
    return `${versions}:${recertify.map((r) => r.id).join(",")}:${options.watch ? await contentFingerprint(root) : ""}`;
  };
  async function getCatalog(): Promise<Catalog> {
    if (loaded && Date.now() - checkedAt < recheckMs) return loaded.catalog;
    checkedAt = Date.now();
    const stamp = await stampNow();
    if (loaded?.stamp !== stamp) {
      const catalog = buildCatalog(db, root);
      const entry: Loaded = { stamp, catalog };
      loaded = entry;
      // Building may itself add versions; remember the stamp it leaves so the next check does not rebuild.
      catalog.then(
        async () => (entry.stamp = await stampNow()),
        () => loaded === entry && (loaded = null),
      );
    }
    return loaded.catalog;
  }
  return Object.assign(getCatalog, { invalidate: () => (checkedAt = 0) });
}
