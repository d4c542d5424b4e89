import { syncCourse } from "#app/courses/catalog.server.ts";
import { ContentError, type ContentIssue } from "#app/courses/content-error.ts";
import { compileCourse } from "#app/courses/content.server.ts";
import type { Db } from "#app/db.server.ts";

export type PublishOutcome = { ok: true; version: number; changed: boolean } | { ok: false; issues: ContentIssue[] };

/** Checks a draft exactly as it would be published; the issues name file, line and column. */
export async function checkDraft(slug: string, files: Record<string, string>) {
  try {
    return { ok: true as const, content: await compileCourse({ slug, location: "", files }) };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false as const, issues: error.issues };
    throw error;
  }
}

/** Publishes the draft as a new course version whose snapshot can later be restored; all or nothing. */
export async function publishDraft(db: Db, course: { slug: string; version: number }, files: Record<string, string>): Promise<PublishOutcome> {
  const checked = await checkDraft(course.slug, files);
  if (!checked.ok) return checked;
  const published = await syncCourse(db, checked.content, { source: "app", snapshot: files });
  return { ok: true, version: published.version, changed: published.version !== course.version };
}

/** Puts a published version's files back into the draft; publishing it again makes a new version. */
export async function restoreVersion(db: Db, courseId: string, version: number) {
  const row = await db.courseVersion.findUnique({ where: { courseId_version: { courseId, version } }, select: { snapshot: true } });
  if (!row?.snapshot) return false;
  const files = JSON.parse(row.snapshot) as Record<string, string>;
  await db.$transaction([
    db.authoredFile.deleteMany({ where: { courseId } }),
    db.authoredFile.createMany({ data: Object.entries(files).map(([name, source]) => ({ courseId, name, source })) }),
  ]);
  return true;
}

export function courseVersions(db: Db, courseId: string) {
  return db.courseVersion.findMany({
    where: { courseId },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true, requiresRecertification: true, snapshot: true },
  });
}

/** Returns false when the course has no such version. */
export async function setRecertification(db: Db, courseId: string, version: number, required: boolean) {
  const { count } = await db.courseVersion.updateMany({ where: { courseId, version }, data: { requiresRecertification: required } });
  return count === 1;
}
