type LinkedCourse = { slug: string; lessons: { slug: string; file: string; compiled: { activities: { links: string[] } } }[] };

/** Links inside lessons to /courses/<slug>[/<lesson>] that point nowhere, for `npm run content:check`. */
export function brokenCourseLinks(courses: LinkedCourse[]) {
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

/** Course prerequisites naming courses that do not exist. */
export function unknownPrerequisites(courses: { slug: string; prerequisites: string[] }[]) {
  const slugs = new Set(courses.map((c) => c.slug));
  return courses.flatMap((c) => c.prerequisites.filter((p) => !slugs.has(p)).map((missing) => ({ course: c.slug, missing })));
}
