import { Link, data, useFetcher } from "react-router";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { requireLesson } from "#app/courses/catalog-instance.server.ts";
import { publicQuiz } from "#app/courses/quiz.ts";
import { db } from "#app/db.server.ts";
import { useT } from "#app/i18n/i18n.ts";
import { courseProgress, responsesFor } from "#app/progress/progress.server.ts";
import { handleLessonAction } from "#app/progress/lesson-actions.server.ts";
import { LessonBody } from "#app/components/mdx/lesson-body.tsx";
import type { Route } from "./+types/lesson";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  requirePermission(user, "course:learn");
  const { course, lesson, previous, next } = await requireLesson(params.slug, params.lesson);
  const [progress, responses] = await Promise.all([courseProgress(db, user.id, course.id), responsesFor(db, user.id, course.id)]);
  const quiz = lesson.compiled.activities.quizzes.some((q) => q.id === course.quiz?.id) && course.quiz ? publicQuiz(course.quiz) : null;
  return {
    course: { slug: course.slug, title: course.title, passMark: course.passMark, lessons: course.lessons.length },
    lesson: { id: lesson.id, title: lesson.title, minutes: lesson.minutes, moduleTitle: lesson.moduleTitle, code: lesson.compiled.code },
    previous: previous ? { slug: previous.slug, title: previous.title } : null,
    next: next ? { slug: next.slug, title: next.title } : null,
    done: progress.doneLessonIds.includes(lesson.id),
    completedAt: progress.needsRefresh ? null : (progress.completedAt?.toISOString() ?? null),
    activities: {
      quiz,
      passMark: course.passMark,
      quizResult: null,
      bestScore: progress.bestScore,
      attempts: progress.attempts,
      responses,
      endedScenarioIds: progress.endedScenarioIds,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "course:learn");
  const { course, lesson } = await requireLesson(params.slug, params.lesson);
  const outcome = await handleLessonAction(db, user.id, course, lesson, await request.formData());
  return data(outcome.body, { status: outcome.status });
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.lesson.title} · Lan Tỏa` : "Lan Tỏa" }];

export default function Lesson({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT();
  const { course, lesson, previous, next } = loaderData;
  const done = useFetcher();
  const isDone = loaderData.done || done.formData?.get("intent") === "done";
  return (
    <article className="lesson">
      <nav className="breadcrumb">
        <Link to={`/courses/${course.slug}`}>{course.title}</Link>
      </nav>
      <p className="muted">{lesson.moduleTitle}</p>
      <h1>{lesson.title}</h1>
      <p className="muted">{t("lesson.minutes", { minutes: lesson.minutes })}</p>
      <LessonBody code={lesson.code} activities={loaderData.activities} />
      <div className="lesson-footer">
        {isDone ? (
          <p className="badge badge-done" role="status">
            ✓ {t("lesson.done")}
          </p>
        ) : (
          <done.Form method="post">
            <input type="hidden" name="intent" value="done" />
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
