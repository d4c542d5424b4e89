import { notFound } from "#app/auth/auth.server.ts";
import { canLearnCourse, type ScopedRole } from "#app/auth/permissions.ts";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { catalogStore, type Catalog } from "./catalog.server.ts";

export const getCatalog = catalogStore(db, env.CONTENT_DIR, { watch: env.NODE_ENV === "development" });
/** After publishing in this process, so the next request sees the new version without waiting. */
export const invalidateCatalog = getCatalog.invalidate;

/** The courses these roles may learn: every shipped course, and the app-authored ones of their units' owners. */
export function coursesFor(catalog: Catalog, roles: readonly ScopedRole[]) {
  return catalog.courses.filter((course) => canLearnCourse(roles, course));
}

/** A course outside the learner's reach is answered as one that does not exist. */
export async function requireCourse(slug: string, roles: readonly ScopedRole[]) {
  const course = (await getCatalog()).bySlug.get(slug);
  if (!course || !canLearnCourse(roles, course)) notFound();
  return course;
}

export async function requireLesson(courseSlug: string, lessonSlug: string, roles: readonly ScopedRole[]) {
  const catalog = await getCatalog();
  const course = catalog.bySlug.get(courseSlug);
  const index = course?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  if (!course || index === -1 || !canLearnCourse(roles, course)) notFound();
  return { catalog, course, lesson: course.lessons[index]!, previous: course.lessons[index - 1], next: course.lessons[index + 1] };
}
