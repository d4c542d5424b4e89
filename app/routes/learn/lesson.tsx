import { Link, data, useFetcher } from "react-router";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { lessonPage, openLesson } from "#app/progress/lesson-page.server.ts";
import { handleLessonAction } from "#app/progress/lesson-actions.server.ts";
import { LessonBody } from "#app/components/mdx/lesson-body.tsx";
import { formKey } from "#app/components/mdx/lesson-context.tsx";
import { loadHtml } from "#app/components/mdx/static-html.tsx";
import { loadIslands } from "#app/components/mdx/islands.ts";
import type { Route } from "./+types/lesson";
import { readForm } from "#app/http/read-form.server.ts";
import { once } from "#app/http/once.server.ts";
import { newIdempotencyKey } from "#app/http/idempotency-key.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:learn");
  const page = await lessonPage(db, user, params.slug, params.lesson, new URL(request.url).searchParams);
  return { ...page, activities: { ...page.activities, submissionKey: newIdempotencyKey() } };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:learn");
  const { course, lesson, blocked } = await openLesson(db, user, params.slug, params.lesson);
  if (blocked) throw data(null, { status: 403 });
  const form = await readForm(request);
  const outcome = await once(db, user.id, form.get("idempotencyKey"), String(form.get("intent")), (tx) => handleLessonAction(tx, user.id, course, lesson, form));
  return data(outcome.body, { status: outcome.status });
}

export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  const quizWords = data.activities.quiz && "key" in data.activities.quiz.text ? [data.activities.quiz.text.key] : [];
  await Promise.all([loadHtml(data.lesson.parts, quizWords), loadIslands(data.lesson.parts)]);
  return data;
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [pageTitle(metaT(matches), loaderData?.lesson.title)];

export default function Lesson({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT();
  const { course, lesson, previous, next } = loaderData;
  // One per lesson: moving to the next keeps this component, and must not carry the last lesson's answer.
  const done = useFetcher({ key: `done.${lesson.id}` });
  // Marked offline: the service worker queued it and answered { queued: true } (app/offline/sw.ts).
  const queued = (done.data as { queued?: boolean } | undefined)?.queued === true;
  const isDone = loaderData.done || done.formData?.get("intent") === "done" || queued;
  return (
    <article className="lesson">
      <nav className="breadcrumb">
        <Link to={`/courses/${course.slug}`}>{course.title}</Link>
      </nav>
      <p className="muted">{lesson.moduleTitle}</p>
      <h1>{lesson.title}</h1>
      <p className="muted">
        {t("lesson.minutes", { minutes: lesson.minutes })}
        {lesson.optional ? <> <span className="badge badge-optional">{t("lesson.optional")}</span></> : null}
      </p>
      {lesson.parts === null ? (
        <Blocked blockers={loaderData.blockers} courseSlug={course.slug} />
      ) : (
        // Keyed: the next lesson's reflections and checklists must not keep the last one's answers.
        <LessonBody key={lesson.id} parts={lesson.parts} activities={loaderData.activities} />
      )}
      <div className="lesson-footer">
        {lesson.parts === null ? null : isDone ? (
          <p className="badge badge-done" role="status">
            ✓ {t("lesson.done")}
            {queued ? <span className="muted"> {t("lesson.waitingSync")}</span> : null}
          </p>
        ) : (
          <done.Form method="post">
            <input type="hidden" name="intent" value="done" />
            <input type="hidden" name="idempotencyKey" value={formKey(loaderData.activities, "done")} />
            <button type="submit" className="button">
              {t("lesson.markDone")}
            </button>
          </done.Form>
        )}
        {loaderData.completedAt ? (
          <p className="completed-banner" role="status">
            {t("lesson.courseCompleted")} ({date(loaderData.completedAt)})
          </p>
        ) : null}
        <nav className="pager" aria-label={course.title}>
          {previous ? <Link to={`/courses/${course.slug}/${previous.slug}`}>← {t("lesson.previous")}: {previous.title}</Link> : <span />}
          {next ? (
            <Link to={`/courses/${course.slug}/${next.slug}`}>
              {t("lesson.next")}: {next.title} →
            </Link>
          ) : (
            <Link to={`/courses/${course.slug}`}>{t("lesson.backToCourse")}</Link>
          )}
        </nav>
      </div>
    </article>
  );
}

function Blocked({ blockers, courseSlug }: { blockers: { courses: { slug: string; title: string }[]; lessons: { slug: string; title: string }[] }; courseSlug: string }) {
  const { t } = useT();
  return (
    <div className="callout callout-warning" role="status">
      <p className="callout-title">{t("lesson.blocked")}</p>
      <ul>
        {blockers.courses.map((c) => (
          <li key={c.slug}>
            <Link to={`/courses/${c.slug}`}>{c.title}</Link>
          </li>
        ))}
        {blockers.lessons.map((l) => (
          <li key={l.slug}>
            <Link to={`/courses/${courseSlug}/${l.slug}`}>{l.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
