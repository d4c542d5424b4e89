import type { CourseContent } from "./content.server.ts";

/** Links inside lessons to /courses/<slug>[/<lesson>] that point nowhere, for `npm run content:check`. */
export function brokenCourseLinks(courses: Pick<CourseContent, "slug" | "lessons">[]) {
  const targets = new Set(courses.flatMap((c) => [`/courses/${c.slug}`, ...c.lessons.map((l) => `/courses/${c.slug}/${l.slug}`)]));
  return courses.flatMap((course) =>
    course.lessons.flatMap((lesson) =>
      lesson.compiled.activities.links
        .map((link) => link.split(/[?#]/)[0]!.replace(/\/$/, ""))
        .filter((link) => link.startsWith("/courses/") && !targets.has(link))
        .map((link) => ({ course: course.slug, lesson: lesson.file, link })),
    ),
  );
}
