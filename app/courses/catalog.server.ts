import path from "node:path";
import type { Db, DbTx } from "#app/db.server.ts";
import { completionRule, type CompletionRule } from "./completion.ts";
import { pageQuiz, registerParts } from "./html-registry.server.ts";
import { compilerVersion } from "./compile.server.ts";
import { ContentError } from "./content-error.ts";
import { compileCourse, contentFingerprint, loadAllCourses, type CourseContent, type LessonContent } from "./content.server.ts";

export type CourseOrigin = "content" | "app";
export type CatalogLesson = LessonContent & { id: string };
export type Recertification = { version: number; publishedAt: Date };
export type CatalogCourse = Omit<CourseContent, "lessons"> & {
  id: string;
  source: CourseOrigin;
  /** The unit whose subtree learns an app-authored course (app/auth/permissions.ts canLearnCourse); null: shipped. */
  ownerUnitId: string | null;
  version: number;
  /** The latest version a trainer marked as requiring everyone certified earlier to redo the course. */
  recertification: Recertification | null;
  lessons: CatalogLesson[];
  rule: CompletionRule;
};
export type Catalog = { courses: CatalogCourse[]; bySlug: Map<string, CatalogCourse> };

/** What a course authored in the app compiled to, stored with its published version. */
type StoredCompile = { compilerVersion: string; content: CourseContent };
const storedCompile = (content: CourseContent) => JSON.stringify({ compilerVersion, content } satisfies StoredCompile);

export type SyncOrigin = {
  source: CourseOrigin;
  snapshot?: Record<string, string>;
  /** Runs in the transaction that makes a new version, e.g. to audit the publishing. */
  onNewVersion?: (tx: DbTx, version: number) => Promise<void>;
};

/**
 * Mirrors compiled content into the database: a changed course gets a new version (with the
 * published files as its snapshot when given, and what they compiled to), lessons keep their ids
 * because progress points at them, and lessons removed from content stay so history survives.
 */
export async function syncCourse(db: Db, content: CourseContent, origin: SyncOrigin): Promise<CatalogCourse> {
  // Every instance mirrors every course when it starts, and nearly always nothing changed: reading first leaves the
  // writer alone then (on SQLite, one starting during an import's apply would otherwise wait for the apply).
  const course = (await unchangedMirror(db, content)) ?? (await writeMirror(db, content, origin));
  const lessons: CatalogLesson[] = content.lessons.map((lesson) => ({ ...lesson, id: course.lessonIds.get(lesson.slug)! }));
  return {
    ...content,
    id: course.id,
    source: origin.source,
    ownerUnitId: course.ownerUnitId,
    version: course.version,
    recertification: null,
    lessons,
    rule: completionRule({ ...content, lessons }),
  };
}

/** What the database mirrors of a course and of each of its lessons. */
const courseFields = (content: CourseContent) => ({
  title: content.title,
  summary: content.summary,
  passMark: content.passMark,
  estimatedMinutes: content.lessons.reduce((sum, l) => sum + l.minutes, 0),
});
const lessonFields = (lesson: LessonContent) => ({ title: lesson.title, position: lesson.position, moduleTitle: lesson.moduleTitle, estimatedMinutes: lesson.minutes, contentHash: lesson.hash });
const sameFields = (row: Record<string, unknown>, fields: Record<string, unknown>) => Object.entries(fields).every(([key, value]) => row[key] === value);

type Mirrored = { id: string; version: number; ownerUnitId: string | null; lessonIds: Map<string, string> };

/** The course as the database holds it, when every field mirrored from the content matches; otherwise null. */
async function unchangedMirror(db: Db, content: CourseContent): Promise<Mirrored | null> {
  const lessonSelect = { id: true, slug: true, title: true, position: true, moduleTitle: true, estimatedMinutes: true, contentHash: true } as const;
  const course = await db.course.findUnique({
    where: { slug: content.slug },
    select: { id: true, version: true, contentHash: true, ownerUnitId: true, title: true, summary: true, passMark: true, estimatedMinutes: true, lessons: { select: lessonSelect } },
  });
  if (!course || course.contentHash !== content.hash || !sameFields(course, courseFields(content))) return null;
  const stored = new Map(course.lessons.map((lesson) => [lesson.slug, lesson]));
  const lessonIds = new Map<string, string>();
  for (const lesson of content.lessons) {
    const row = stored.get(lesson.slug);
    if (!row || !sameFields(row, lessonFields(lesson))) return null;
    lessonIds.set(lesson.slug, row.id);
  }
  return { id: course.id, version: course.version, ownerUnitId: course.ownerUnitId, lessonIds };
}

/** Writes the content's course and lessons: a new version when the content changed. */
async function writeMirror(db: Db, content: CourseContent, origin: SyncOrigin): Promise<Mirrored> {
  const fields = courseFields(content);
  const course = await db.$transaction(async (tx) => {
    // One INSERT … ON CONFLICT on PostgreSQL, which holds the row until commit: instances syncing the
    // same content at once take turns, and the later ones find the version the first one made.
    const existing = await tx.course.upsert({
      where: { slug: content.slug },
      create: { ...fields, slug: content.slug, source: origin.source, version: 0, contentHash: "" },
      update: fields,
      select: { id: true, version: true, contentHash: true, ownerUnitId: true },
    });
    if (existing.contentHash === content.hash) return existing;
    // An app course changes only by publishing its files: without them, this is a version read before a publish that
    // has since committed, and mirroring it would make a newer version with no files, which the catalog leaves out.
    // Failing rolls the upsert back; buildCatalogRetrying builds again from the version now published.
    if (origin.source === "app" && !origin.snapshot) throw new Error(`course ${content.slug} was published while the catalog was being built`);
    const version = existing.version + 1;
    const saved = await tx.course.update({ where: { id: existing.id }, data: { version, contentHash: content.hash }, select: { id: true, version: true, ownerUnitId: true } });
    const published = origin.snapshot ? { snapshot: JSON.stringify(origin.snapshot), compiled: storedCompile(content) } : {};
    await tx.courseVersion.create({ data: { courseId: saved.id, version, contentHash: content.hash, ...published } });
    await origin.onNewVersion?.(tx, version);
    return saved;
  });
  const lessonIds = new Map<string, string>();
  for (const lesson of content.lessons) {
    const data = lessonFields(lesson);
    const where = { courseId_slug: { courseId: course.id, slug: lesson.slug } };
    const row = await db.lesson.upsert({ where, create: { ...data, courseId: course.id, slug: lesson.slug }, update: data, select: { id: true } });
    lessonIds.set(lesson.slug, row.id);
  }
  return { ...course, lessonIds };
}

/**
 * Every course authored in the app, as its latest version compiled when it was published: no instance
 * compiles it again. A version compiled by an older compiler is compiled from its files once more and
 * stored again; if the rules tightened since, one stale course must not take the whole catalog down.
 */
export async function publishedAppCourses(db: Db): Promise<CourseContent[]> {
  const courses = await db.course.findMany({
    where: { source: "app", version: { gte: 1 } },
    select: { slug: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, snapshot: true, compiled: true } } },
  });
  const published: CourseContent[] = [];
  for (const { slug, versions } of courses) {
    const latest = versions[0];
    if (!latest?.snapshot) continue;
    const stored = latest.compiled ? (JSON.parse(latest.compiled) as StoredCompile) : null;
    if (stored?.compilerVersion === compilerVersion) {
      published.push(stored.content);
      continue;
    }
    const files = JSON.parse(latest.snapshot) as Record<string, string>;
    const content = await compileCourse({ slug, location: "", files }).catch((error: unknown) => {
      if (error instanceof ContentError) return null;
      throw error;
    });
    if (!content) continue;
    await db.courseVersion.update({ where: { id: latest.id }, data: { compiled: storedCompile(content) } });
    published.push(content);
  }
  return published;
}

export async function buildCatalog(db: Db, contentRoot: string): Promise<Catalog> {
  const courses: CatalogCourse[] = [];
  for (const content of await loadAllCourses(contentRoot)) courses.push(await syncCourse(db, content, { source: "content" }));
  for (const content of await publishedAppCourses(db)) courses.push(await syncCourse(db, content, { source: "app" }));
  const requirements = await db.courseVersion.findMany({
    where: { requiresRecertification: true },
    orderBy: { version: "asc" },
    select: { courseId: true, version: true, publishedAt: true },
  });
  for (const course of courses) {
    course.recertification = requirements.findLast((r) => r.courseId === course.id) ?? null;
    registerParts(course.intro.parts);
    for (const lesson of course.lessons) registerParts(lesson.compiled.parts);
    // Registered here, not when a page is first rendered, so every app process can answer for the words.
    if (course.quiz) pageQuiz(course.quiz);
  }
  courses.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, "vi"));
  return { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) };
}

/**
 * Processes that start together on one database (a cluster's workers) mirror the same content at once:
 * the loser of a race for a new course or version, or for SQLite's write lock, finds the rows written
 * on a later try. Broken content fails at once.
 */
async function buildCatalogRetrying(db: Db, contentRoot: string, attempts = 5): Promise<Catalog> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await buildCatalog(db, contentRoot);
    } catch (error) {
      if (attempt >= attempts || error instanceof ContentError) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * attempt));
    }
  }
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
  const readState = async () => {
    const [versions, recertify] = await Promise.all([
      db.courseVersion.count(),
      db.courseVersion.findMany({ where: { requiresRecertification: true }, select: { id: true }, orderBy: { id: "asc" } }),
    ]);
    return { versions, marks: `${recertify.map((r) => r.id).join(",")}:${options.watch ? await contentFingerprint(root) : ""}` };
  };
  async function getCatalog(): Promise<Catalog> {
    if (loaded && Date.now() - checkedAt < recheckMs) return loaded.catalog;
    checkedAt = Date.now();
    const before = await readState();
    const stamp = `${before.versions}:${before.marks}`;
    if (loaded?.stamp !== stamp) {
      const catalog = buildCatalogRetrying(db, root);
      const entry: Loaded = { stamp, catalog };
      loaded = entry;
      // Building may itself add versions: count them again, so the next check does not rebuild. The marks stay
      // those read before building: one made meanwhile (by any instance) differs from them and rebuilds.
      catalog.then(
        async () => (entry.stamp = `${(await readState()).versions}:${before.marks}`),
        () => loaded === entry && (loaded = null),
      );
    }
    return loaded.catalog;
  }
  return Object.assign(getCatalog, { invalidate: () => (checkedAt = 0) });
}
