import path from "node:path";
import { assert, beforeAll, describe, expect, test } from "vitest";
import { buildCatalog, syncCourse, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { loadCourse } from "#app/courses/content.server.ts";
import { db } from "#app/db.server.ts";
import { courseProgress } from "#app/progress/progress.server.ts";
import { markLessonDone, recordScenarioRun, saveResponse, submitQuiz } from "#app/progress/steps.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";

const allRight = { q1: ["a"], q2: ["a", "c"] };
const oneWrong = { q1: ["a"], q2: ["a"] };
const goodPath = ["cong", "lang-nghe"];
let course: CatalogCourse;
let contentRoot: string;
const policies = {
  "khoa-gioi-han": 'attempts="2" waitMinutes="10"',
  "khoa-lan-cuoi": 'attempts="2" showAnswers="after-last-attempt"',
  "khoa-khong-dap-an": 'showAnswers="never"',
};
let withPolicy: Record<keyof typeof policies, CatalogCourse>;

beforeAll(async () => {
  contentRoot = writeContentRoot({ "khoa-thu": tinyCourse(), ...Object.fromEntries(Object.entries(policies).map(([slug, props]) => [slug, tinyCourse("", props)])) });
  const catalog = await buildCatalog(db, contentRoot);
  course = catalog.bySlug.get("khoa-thu")!;
  withPolicy = Object.fromEntries(Object.keys(policies).map((slug) => [slug, catalog.bySlug.get(slug)!])) as typeof withPolicy;
});

async function graded(...args: Parameters<typeof submitQuiz>) {
  const submitted = await submitQuiz(...args);
  assert(!submitted.refused, "the attempt was refused");
  return submitted;
}

async function markAllLessons(userId: string) {
  for (const lesson of course.lessons) await markLessonDone(db, userId, course, lesson.id);
}

describe("course completion", () => {
  test("every lesson done is not enough without the quiz and the scenario", async () => {
    const { userId } = await createLearner(db);
    await markAllLessons(userId);
    expect((await courseProgress(db, userId, course)).completedAt).toBeNull();
    await submitQuiz(db, userId, course, allRight);
    expect((await courseProgress(db, userId, course)).completedAt).toBeNull();
  });

  test("the call that records the last step sets the completion", async () => {
    const { userId } = await createLearner(db);
    await markAllLessons(userId);
    await submitQuiz(db, userId, course, allRight);
    const progress = await recordScenarioRun(db, userId, course, "tham-nha", goodPath);
    expect(progress?.completedAt).toBeInstanceOf(Date);
    expect((await courseProgress(db, userId, course)).completedAt).toEqual(progress?.completedAt);
  });

  test("a passed quiz as the last step completes the course in that call", async () => {
    const { userId } = await createLearner(db);
    await markAllLessons(userId);
    await recordScenarioRun(db, userId, course, "tham-nha", goodPath);
    const { result, progress } = await graded(db, userId, course, allRight);
    expect(result.passed).toBe(true);
    expect(progress.completedAt).toBeInstanceOf(Date);
  });

  test("a failed quiz attempt is kept and does not complete; the best score counts", async () => {
    const { userId } = await createLearner(db);
    await markAllLessons(userId);
    await recordScenarioRun(db, userId, course, "tham-nha", goodPath);
    const failed = await graded(db, userId, course, oneWrong);
    expect(failed.result).toMatchObject({ score: 50, passed: false });
    expect(failed.progress).toMatchObject({ attempts: 1, bestScore: 50, completedAt: null });
    const passed = await graded(db, userId, course, allRight);
    expect(passed.progress).toMatchObject({ attempts: 2, bestScore: 100 });
    expect(passed.progress.completedAt).toBeInstanceOf(Date);
  });

  test("steps finished at the same moment (two tabs, a retried request) complete the course once", async () => {
    const everyStep = (userId: string) => [
      ...course.lessons.map((l) => markLessonDone(db, userId, course, l.id)),
      submitQuiz(db, userId, course, allRight),
      recordScenarioRun(db, userId, course, "tham-nha", goodPath),
    ];
    // Each of these races may go right by chance, so several learners run it: half start the course
    // with these steps, half had started it before.
    for (let i = 0; i < 10; i++) {
      const { userId } = await createLearner(db);
      if (i % 2) await saveResponse(db, userId, course, "reflection", "suy-nghi", "Đã bắt đầu.");
      await Promise.all(everyStep(userId));
      expect((await courseProgress(db, userId, course)).completedAt).toBeInstanceOf(Date);
      expect(await db.certificate.count({ where: { userId } })).toBe(1);
    }
  });
});

describe("quiz policy", () => {
  const minute = 60_000;
  const t0 = new Date("2026-03-08T02:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);
  const attemptsOf = (userId: string) => db.quizAttempt.count({ where: { enrollment: { userId } } });

  test("by default a failed attempt says which questions were wrong, without the right choices or explanations", async () => {
    const { userId } = await createLearner(db);
    const failed = await graded(db, userId, course, oneWrong);
    expect(failed.result).toEqual({
      score: 50,
      passed: false,
      results: [
        { questionId: "q1", correct: true },
        { questionId: "q2", correct: false },
      ],
      answerKey: null,
    });
    const passed = await graded(db, userId, course, allRight);
    expect(passed.result.answerKey).toEqual([
      { questionId: "q1", correctChoiceIds: ["a"], explanation: "Một cộng một là hai." },
      { questionId: "q2", correctChoiceIds: ["a", "c"], explanation: "Hai và bốn chia hết cho hai." },
    ]);
    // Once passed, a later failed attempt may see the key too.
    expect((await graded(db, userId, course, oneWrong)).result.answerKey).toHaveLength(2);
  });

  test("an attempt before the waiting time or beyond the allowed number is refused and records nothing", async () => {
    const { userId } = await createLearner(db);
    const limited = withPolicy["khoa-gioi-han"];
    await graded(db, userId, limited, oneWrong, t0);
    expect(await submitQuiz(db, userId, limited, allRight, new Date(at(10).getTime() - 1))).toEqual({ refused: { error: "quiz.tooSoon", nextAttemptAt: at(10) } });
    expect(await attemptsOf(userId)).toBe(1);
    const second = await graded(db, userId, limited, oneWrong, at(10));
    expect(second.progress).toMatchObject({ attempts: 2, bestScore: 50, lastAttemptAt: at(10) });
    expect(await submitQuiz(db, userId, limited, allRight, at(60))).toEqual({ refused: { error: "quiz.noAttemptsLeft" } });
    expect(await attemptsOf(userId)).toBe(2);
    expect((await courseProgress(db, userId, limited)).bestScore).toBe(50);
  });

  test("after-last-attempt shows the key with the last allowed attempt, not before", async () => {
    const { userId } = await createLearner(db);
    const lastAttempt = withPolicy["khoa-lan-cuoi"];
    expect((await graded(db, userId, lastAttempt, allRight)).result.answerKey).toBeNull();
    expect((await graded(db, userId, lastAttempt, oneWrong)).result.answerKey).toHaveLength(2);
  });

  test("never shows the key, even to a learner who passed", async () => {
    const { userId } = await createLearner(db);
    const passed = await graded(db, userId, withPolicy["khoa-khong-dap-an"], allRight);
    expect(passed.result).toMatchObject({ passed: true, answerKey: null });
  });
});

describe("recordScenarioRun", () => {
  test("a path the scenario does not allow returns null and stores nothing", async () => {
    const { userId } = await createLearner(db);
    expect(await recordScenarioRun(db, userId, course, "tham-nha", ["lang-nghe"])).toBeNull();
    expect(await recordScenarioRun(db, userId, course, "tham-nha", ["cong"])).toBeNull();
    expect(await recordScenarioRun(db, userId, course, "khong-co", goodPath)).toBeNull();
    expect(await db.enrollment.count({ where: { userId } })).toBe(0);
    expect(await db.scenarioRun.count({ where: { enrollment: { userId } } })).toBe(0);
  });

  test("a bad ending still counts as having played the scenario through", async () => {
    const { userId } = await createLearner(db);
    const progress = await recordScenarioRun(db, userId, course, "tham-nha", ["cong", "vo-van"]);
    expect(progress?.endedScenarioIds).toEqual(["tham-nha"]);
  });
});

describe("markLessonDone", () => {
  test("marking the same lesson twice records it once", async () => {
    const { userId } = await createLearner(db);
    const lessonId = course.lessons[0]!.id;
    await markLessonDone(db, userId, course, lessonId);
    const again = await markLessonDone(db, userId, course, lessonId);
    expect(again.doneLessonIds).toEqual([lessonId]);
    expect(await db.lessonProgress.count({ where: { enrollment: { userId } } })).toBe(1);
    expect(await db.enrollment.count({ where: { userId } })).toBe(1);
  });
});

describe("syncCourse", () => {
  test("changed content bumps the version and keeps the lesson ids; unchanged content does not", async () => {
    const first = await loadCourse(path.join(writeContentRoot({ "khoa-doi": tinyCourse() }), "khoa-doi"));
    const edited = await loadCourse(path.join(writeContentRoot({ "khoa-doi": tinyCourse("Một câu mới thêm vào.") }), "khoa-doi"));
    const v1 = await syncCourse(db, first, { source: "content" });
    const same = await syncCourse(db, first, { source: "content" });
    const v2 = await syncCourse(db, edited, { source: "content" });
    expect(same.version).toBe(v1.version);
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.lessons.map((l) => l.id)).toEqual(v1.lessons.map((l) => l.id));
    expect(await db.courseVersion.count({ where: { courseId: v1.id } })).toBe(2);
  });

  test("unchanged content writes nothing; a mirrored field that drifted is written back", async () => {
    const content = await loadCourse(path.join(writeContentRoot({ "khoa-yen": tinyCourse() }), "khoa-yen"));
    const first = await syncCourse(db, content, { source: "content" });
    // Set to the epoch, so that any write, which sets updatedAt to now, shows.
    const epoch = new Date(0);
    await db.course.update({ where: { id: first.id }, data: { updatedAt: epoch } });
    await db.lesson.updateMany({ where: { courseId: first.id }, data: { updatedAt: epoch } });
    const again = await syncCourse(db, content, { source: "content" });
    const written = [
      ...(await db.course.findMany({ where: { id: first.id }, select: { updatedAt: true } })),
      ...(await db.lesson.findMany({ where: { courseId: first.id }, select: { updatedAt: true } })),
    ];
    expect(written.map((row) => row.updatedAt)).toEqual(Array.from({ length: 1 + first.lessons.length }, () => epoch));
    expect(again).toMatchObject({ id: first.id, version: first.version, lessons: first.lessons.map((l) => ({ id: l.id })) });

    const lesson = first.lessons[0]!;
    await db.lesson.update({ where: { id: lesson.id }, data: { title: "Sửa tay trong cơ sở dữ liệu" } });
    await db.course.update({ where: { id: first.id }, data: { passMark: 1 } });
    const repaired = await syncCourse(db, content, { source: "content" });
    expect(repaired.version).toBe(first.version);
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { title: true } })).toEqual({ title: lesson.title });
    expect(await db.course.findUniqueOrThrow({ where: { id: first.id }, select: { passMark: true } })).toEqual({ passMark: content.passMark });
  });

  test("lessons the last mirror did not reach are written, though the course row is current", async () => {
    const content = await loadCourse(path.join(writeContentRoot({ "khoa-dung-giua": tinyCourse() }), "khoa-dung-giua"));
    const first = await syncCourse(db, content, { source: "content" });
    // As an instance stopped after the course's transaction, before its lessons, leaves them: one as it was, one not yet created.
    const [behind, missing] = first.lessons;
    await db.lesson.update({ where: { id: behind!.id }, data: { contentHash: "bản trước" } });
    await syncCourse(db, content, { source: "content" });
    expect((await db.lesson.findUniqueOrThrow({ where: { id: behind!.id }, select: { contentHash: true } })).contentHash).toBe(behind!.hash);
    await db.lesson.delete({ where: { id: missing!.id } });
    const again = await syncCourse(db, content, { source: "content" });
    const created = await db.lesson.findUniqueOrThrow({ where: { courseId_slug: { courseId: first.id, slug: missing!.slug } }, select: { id: true, contentHash: true } });
    expect(created.contentHash).toBe(missing!.hash);
    expect(again.lessons.find((l) => l.slug === missing!.slug)?.id).toBe(created.id);
  });
});

describe("re-certification", () => {
  async function completeCourse(userId: string) {
    await markAllLessons(userId);
    await submitQuiz(db, userId, course, allRight);
    await recordScenarioRun(db, userId, course, "tham-nha", goodPath);
  }

  test("a version marked as requiring it sends earlier completions back for a new round, which completes on the current version", async () => {
    const { userId } = await createLearner(db);
    await completeCourse(userId);
    const first = await courseProgress(db, userId, course);
    expect(first.needsRefresh).toBe(false);

    // The trainer publishes a newer version and marks it as requiring re-certification.
    const version = course.version + 1;
    await db.course.update({ where: { id: course.id }, data: { version } });
    await db.courseVersion.create({ data: { courseId: course.id, version, contentHash: "x", requiresRecertification: true } });
    const newer = (await buildCatalog(db, contentRoot)).bySlug.get("khoa-thu")!;
    expect(newer.recertification?.version).toBe(version);

    const due = await courseProgress(db, userId, newer);
    expect(due.needsRefresh).toBe(true);
    expect(due.doneLessonIds).toEqual([]);
    expect(due.bestScore).toBeNull();
    // A new round brings the quiz's attempts back: its policy counts only this round's.
    expect(due).toMatchObject({ attempts: 0, lastAttemptAt: null });

    // Lessons alone do not settle it; the quiz and the scenario must be done again too.
    for (const lesson of newer.lessons) await markLessonDone(db, userId, newer, lesson.id);
    expect((await courseProgress(db, userId, newer)).needsRefresh).toBe(true);
    await submitQuiz(db, userId, newer, allRight);
    const settled = await recordScenarioRun(db, userId, newer, "tham-nha", goodPath);
    expect(settled?.needsRefresh).toBe(false);
    const enrollment = await db.enrollment.findUniqueOrThrow({ where: { userId_courseId: { userId, courseId: course.id } }, select: { courseVersion: true } });
    expect(enrollment.courseVersion).toBe(version);
    expect(await db.certificate.count({ where: { userId, courseId: course.id } })).toBe(2);
  });
});
