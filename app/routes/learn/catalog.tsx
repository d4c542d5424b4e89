import { useEffect } from "react";
import { Link } from "react-router";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { coursesFor, getCatalog } from "#app/courses/catalog-instance.server.ts";
import { requiredOf, requirementBadge } from "#app/courses/requirements.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { progressByCourse } from "#app/progress/progress.server.ts";
import { ProgressBar } from "#app/components/progress-bar.tsx";
import { RequiredBadge } from "#app/components/required-badge.tsx";
import { learningMessages } from "#app/i18n/vi/learning.ts";
import { registerWorkerWhenIdle } from "#app/offline/worker-client.ts";
import type { Route } from "./+types/catalog";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:learn");
  const courses = coursesFor(await getCatalog(), user.roles);
  const [progress, required] = await Promise.all([progressByCourse(db, user.id, courses), requiredOf(db, user.id)]);
  const now = new Date();
  return {
    name: user.name,
    courses: courses.map((course) => {
      const mine = progress.get(course.id);
      const lessonIds = new Set(course.lessons.map((l) => l.id));
      return {
        slug: course.slug,
        title: course.title,
        summary: course.summary,
        lessons: course.lessons.length,
        minutes: course.lessons.reduce((sum, l) => sum + l.minutes, 0),
        done: mine?.doneLessonIds.filter((id) => lessonIds.has(id)).length ?? 0,
        completedAt: mine?.completedAt?.toISOString() ?? null,
        needsRefresh: mine?.needsRefresh ?? false,
        required: requirementBadge(required.get(course.id), mine?.completed ?? false, now),
      };
    }),
  };
}

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches, learningMessages);
  return [pageTitle(t, t("catalog.title"))];
};

export default function Catalog({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(learningMessages);
  useEffect(registerWorkerWhenIdle, []);
  return (
    <>
      <p className="muted">{t("home.hello", { name: loaderData.name })}</p>
      <h1>{t("catalog.title")}</h1>
      {loaderData.courses.length === 0 ? <p>{t("catalog.empty")}</p> : null}
      <ul className="card-list">
        {loaderData.courses.map((course) => (
          <li key={course.slug} className="card">
            <h2>
              <Link to={`/courses/${course.slug}`}>{course.title}</Link>
            </h2>
            <p>{course.summary}</p>
            <p className="muted">
              {t("catalog.lessons", { count: course.lessons })} · {t("catalog.minutes", { minutes: course.minutes })}
            </p>
            {course.required ? <RequiredBadge {...course.required} /> : null}
            {course.needsRefresh ? <p className="badge badge-refresh">{t("course.needsRefreshShort")}</p> : null}
            {course.completedAt && !course.needsRefresh ? (
              <p className="badge badge-done">{t("course.completed", { date: date(course.completedAt) })}</p>
            ) : (
              <ProgressBar done={course.done} total={course.lessons} label={t("course.progress", { done: course.done, total: course.lessons })} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
