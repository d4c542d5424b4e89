import type { CatalogCourse, CatalogLesson } from "#app/courses/catalog.server.ts";

export type Blockers = { courses: { slug: string; title: string }[]; lessons: { slug: string; title: string }[] };

/** What must be finished before a lesson opens: the course's prerequisite courses and the lesson's own. */
export function blockersFor(
  course: CatalogCourse,
  lesson: CatalogLesson | null,
  done: { lessonIds: ReadonlySet<string>; completedCourseIds: ReadonlySet<string> },
  courseBySlug: ReadonlyMap<string, CatalogCourse>,
): Blockers {
  const courses = course.prerequisites
    .map((slug) => courseBySlug.get(slug))
    .filter((c): c is CatalogCourse => c !== undefined && !done.completedCourseIds.has(c.id))
    .map((c) => ({ slug: c.slug, title: c.title }));
  const lessons = (lesson?.prerequisites ?? [])
    .map((slug) => course.lessons.find((l) => l.slug === slug))
    .filter((l): l is CatalogLesson => l !== undefined && !done.lessonIds.has(l.id))
    .map((l) => ({ slug: l.slug, title: l.title }));
  return { courses, lessons };
}

export const isBlocked = (b: Blockers) => b.courses.length > 0 || b.lessons.length > 0;
