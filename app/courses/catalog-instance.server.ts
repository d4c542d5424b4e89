import { data } from "react-router";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { catalogStore } from "./catalog.server.ts";

export const getCatalog = catalogStore(db, env.CONTENT_DIR, { watch: env.NODE_ENV === "development" });
/** After publishing in this process, so the next request sees the new version without waiting. */
export const invalidateCatalog = getCatalog.invalidate;

export async function requireCourse(slug: string) {
  const course = (await getCatalog()).bySlug.get(slug);
  if (!course) throw data(null, { status: 404 });
  return course;
}

export async function requireLesson(courseSlug: string, lessonSlug: string) {
  const catalog = await getCatalog();
  const course = catalog.bySlug.get(courseSlug);
  const index = course?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  if (!course || index === -1) throw data(null, { status: 404 });
  return { catalog, course, lesson: course.lessons[index]!, previous: course.lessons[index - 1], next: course.lessons[index + 1] };
}
