import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { requireCourse } from "#app/courses/catalog-instance.server.ts";
import { offlinePages } from "#app/offline/course-pages.server.ts";
import type { Route } from "./+types/course";

// What the service worker downloads for a course (app/offline/sw.ts): for the person signed in, who owns the copy.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:learn");
  const course = await requireCourse(params.slug, user.roles);
  return Response.json({ userId: user.id, slug: course.slug, title: course.title, version: course.version, ...offlinePages(course) });
}
