import { Link } from "react-router";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { latestCertificate } from "#app/certificates/certificates.server.ts";
import { requireCourse } from "#app/courses/catalog-instance.server.ts";
import { requiredOf, requirementBadge } from "#app/courses/requirements.server.ts";
import { pageParts } from "#app/courses/html-registry.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { certificateMessages } from "#app/i18n/vi/certificate.ts";
import { courseProgress } from "#app/progress/progress.server.ts";
import { LessonBody } from "#app/components/mdx/lesson-body.tsx";
import { loadHtml } from "#app/components/mdx/static-html.tsx";
import { ProgressBar } from "#app/components/progress-bar.tsx";
import { RequiredBadge } from "#app/components/required-badge.tsx";
import { OfflineDownload } from "#app/components/offline-download.tsx";
import { learningMessages } from "#app/i18n/vi/learning.ts";
import type { Route } from "./+types/course";
import "#app/styles/certificate.css";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:learn");
  const course = await requireCourse(params.slug, user.roles);
  const [progress, certificate, required] = await Promise.all([courseProgress(db, user.id, course), latestCertificate(db, user.id, course.id), requiredOf(db, user.id)]);
  const done = new Set(progress.doneLessonIds);
  const nextLesson = course.lessons.find((l) => !done.has(l.id)) ?? course.lessons[0];
  return {
    course: {
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      audience: course.audience,
      passMark: course.passMark,
      hasScenarios: course.rule.scenarioIds.length > 0,
      hasOptionalLessons: course.lessons.some((l) => l.optional),
      intro: pageParts(course.intro.parts),
    },
    modules: course.modules.map((m) => ({
      title: m.title,
      lessons: course.lessons
        .filter((l) => l.moduleTitle === m.title)
        .map((l) => ({ slug: l.slug, title: l.title, minutes: l.minutes, optional: l.optional, done: done.has(l.id) })),
    })),
    doneCount: course.lessons.filter((l) => done.has(l.id)).length,
    total: course.lessons.length,
    started: progress.startedAt !== null,
    completedAt: progress.completedAt?.toISOString() ?? null,
    needsRefresh: progress.needsRefresh,
    required: requirementBadge(required.get(course.id), progress.completed, new Date()),
    certificateCode: certificate?.code ?? null,
    nextLesson: nextLesson?.slug ?? null,
  };
}

export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  await loadHtml(data.course.intro);
  return data;
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [pageTitle(metaT(matches), loaderData?.course.title)];

export default function Course({ loaderData }: Route.ComponentProps) {
  const { t, date } = useT(certificateMessages, learningMessages);
  const { course, modules } = loaderData;
  return (
    <article>
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      <p className="muted">{course.audience}</p>
      {loaderData.required ? <RequiredBadge {...loaderData.required} /> : null}
      {loaderData.needsRefresh ? (
        <p className="callout callout-warning" role="status">
          {t("course.needsRefresh")}
        </p>
      ) : null}
      {loaderData.completedAt && !loaderData.needsRefresh ? (
        <p className="badge badge-done" role="status">
          {t("course.completed", { date: date(loaderData.completedAt) })}
        </p>
      ) : (
        <ProgressBar done={loaderData.doneCount} total={loaderData.total} label={t("course.progress", { done: loaderData.doneCount, total: loaderData.total })} />
      )}
      {loaderData.certificateCode ? (
        <section className="certificate-box" aria-labelledby="certificate-title">
          <h2 id="certificate-title">{t("certificate.title")}</h2>
          <p>{t("certificate.codeIs", { code: loaderData.certificateCode })}</p>
          <p>
            <a className="button" href={`/certificates/${loaderData.certificateCode}.pdf`} download>
              {t("certificate.download")}
            </a>{" "}
            <Link to={`/verify/${loaderData.certificateCode}`}>{t("certificate.verifyLink")}</Link>
          </p>
        </section>
      ) : null}
      {loaderData.nextLesson ? (
        <p>
          <Link className="button" to={`/courses/${course.slug}/${loaderData.nextLesson}`}>
            {t(loaderData.started ? "course.continue" : "course.start")}
          </Link>
        </p>
      ) : null}
      <OfflineDownload slug={course.slug} />
      <LessonBody parts={course.intro} />
      <p className="muted">
        {t("course.rule", { passMark: course.passMark })} {course.hasScenarios ? t("course.ruleScenarios") : null}{" "}
        {course.hasOptionalLessons ? t("course.ruleOptional") : null}
      </p>
      {modules.map((module, index) => (
        <section key={module.title} className="module">
          <h2>{t("course.module", { number: index + 1, title: module.title })}</h2>
          <ol className="lesson-list">
            {module.lessons.map((lesson) => (
              <li key={lesson.slug}>
                <Link to={`/courses/${course.slug}/${lesson.slug}`}>{lesson.title}</Link>{" "}
                <span className="muted">· {t("lesson.minutes", { minutes: lesson.minutes })}</span>
                {lesson.optional ? <span className="badge badge-optional">{t("lesson.optional")}</span> : null}
                {lesson.done ? <span className="badge badge-done"> ✓ {t("course.lessonDone")}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </article>
  );
}
