import { recordAudit } from "#app/audit/audit.server.ts";
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

/** A course as audited: its events are filed under its owner unit (courses without one, under the root). */
export type AuditedCourse = { id: string; slug: string; version: number; ownerUnitPath: string | null };
const auditPath = (course: AuditedCourse) => course.ownerUnitPath ?? "/";

/** Publishes the draft as a new course version whose snapshot can later be restored; all or nothing, audited. */
export async function publishDraft(db: Db, actorId: string, course: AuditedCourse, files: Record<string, string>): Promise<PublishOutcome> {
  const checked = await checkDraft(course.slug, files);
  if (!checked.ok) return checked;
  const published = await syncCourse(db, checked.content, {
    source: "app",
    snapshot: files,
    onNewVersion: (tx, version) =>
      recordAudit(tx, { actorId, action: "course.publish", entity: "Course", entityId: course.id, unitPath: auditPath(course), before: { version: course.version }, after: { version } }),
  });
  return { ok: true, version: published.version, changed: published.version !== course.version };
}

/** Puts a published version's files back into the draft; publishing it again makes a new version. */
export async function restoreVersion(db: Db, actorId: string, course: AuditedCourse, version: number) {
  const courseId = course.id;
  const row = await db.courseVersion.findUnique({ where: { courseId_version: { courseId, version } }, select: { snapshot: true } });
  if (!row?.snapshot) return false;
  const files = JSON.parse(row.snapshot) as Record<string, string>;
  await db.$transaction(async (tx) => {
    await tx.authoredFile.deleteMany({ where: { courseId } });
    await tx.authoredFile.createMany({ data: Object.entries(files).map(([name, source]) => ({ courseId, name, source })) });
    await recordAudit(tx, { actorId, action: "course.restore", entity: "Course", entityId: courseId, unitPath: auditPath(course), after: { restoredVersion: version } });
  });
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
export async function setRecertification(db: Db, actorId: string, course: AuditedCourse, version: number, required: boolean) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.courseVersion.updateMany({ where: { courseId: course.id, version }, data: { requiresRecertification: required } });
    if (count === 1)
      await recordAudit(tx, { actorId, action: "course.recertify", entity: "Course", entityId: course.id, unitPath: auditPath(course), after: { version, requiresRecertification: required } });
    return count === 1;
  });
}
