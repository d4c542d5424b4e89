import { isIslandEntry, lessonComponents, type LessonComponent } from "#app/components/mdx/registry.server.ts";
import { requireLesson } from "#app/courses/catalog-instance.server.ts";
import { pageParts, pageQuiz } from "#app/courses/html-registry.server.ts";
import type { Island, LessonPart } from "#app/courses/lesson-parts.ts";
import { defaultQuizPolicy, quizStanding } from "#app/courses/quiz-policy.ts";
import type { ScopedRole } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";
import { blockersFor, isBlocked } from "./prerequisites.ts";
import { completedCourseIds, courseProgress } from "./progress.server.ts";

export type Learner = { id: string; roles: readonly ScopedRole[] };

/** A lesson as one learner finds it: where it sits, their progress, and what still blocks it. */
export async function openLesson(db: Db, learner: Learner, courseSlug: string, lessonSlug: string) {
  const userId = learner.id;
  const { catalog, course, lesson, previous, next } = await requireLesson(courseSlug, lessonSlug, learner.roles);
  const prerequisiteIds = course.prerequisites.flatMap((slug) => catalog.bySlug.get(slug)?.id ?? []);
  const [progress, completed] = await Promise.all([courseProgress(db, userId, course), completedCourseIds(db, userId, prerequisiteIds)]);
  const blockers = blockersFor(course, lesson, { lessonIds: new Set(progress.doneLessonIds), completedCourseIds: completed }, catalog.bySlug);
  return { course, lesson, previous, next, progress, blockers, blocked: isBlocked(blockers) };
}

/** Islands as the page's address shows them (a scenario: as far as the learner has played it). */
function islandsAt(parts: LessonPart[], search: URLSearchParams): LessonPart[] {
  return parts.map((part) => {
    if (!("island" in part)) return part;
    const entry: LessonComponent = lessonComponents[part.island];
    // Each island's props go to its own entry; TypeScript cannot pair the two through the union.
    return isIslandEntry(entry) && entry.page ? ({ island: part.island, props: entry.page(part.props as never, search) } as Island) : part;
  });
}

/** Everything the lesson page shows; a blocked lesson's content is not sent at all. */
export async function lessonPage(db: Db, learner: Learner, courseSlug: string, lessonSlug: string, search = new URLSearchParams()) {
  const { course, lesson, previous, next, progress, blockers, blocked } = await openLesson(db, learner, courseSlug, lessonSlug);
  const hasCourseQuiz = course.quiz !== null && lesson.compiled.activities.quizzes.some((q) => q.id === course.quiz!.id);
  const standing = quizStanding(course.quiz?.policy ?? defaultQuizPolicy, progress, new Date());
  return {
    course: { slug: course.slug, title: course.title, passMark: course.passMark, lessons: course.lessons.length },
    lesson: { id: lesson.id, title: lesson.title, minutes: lesson.minutes, optional: lesson.optional, moduleTitle: lesson.moduleTitle, parts: blocked ? null : pageParts(islandsAt(lesson.compiled.parts, search)) },
    blockers,
    previous: previous ? { slug: previous.slug, title: previous.title } : null,
    next: next ? { slug: next.slug, title: next.title } : null,
    done: progress.doneLessonIds.includes(lesson.id),
    completedAt: progress.needsRefresh ? null : (progress.completedAt?.toISOString() ?? null),
    activities: {
      quiz: hasCourseQuiz && !blocked ? pageQuiz(course.quiz!) : null,
      passMark: course.passMark,
      bestScore: progress.bestScore,
      attempts: { used: standing.used, left: standing.left, nextAttemptAt: standing.nextAttemptAt?.toISOString() ?? null },
      responses: progress.responses,
      endedScenarioIds: progress.endedScenarioIds,
    },
  };
}
