import { assert, beforeAll, describe, expect, test } from "vitest";
import { loadCurrentUser } from "#app/auth/auth.server.ts";
import { createSession, generateSessionToken, sessionCookieName } from "#app/auth/session.server.ts";
import { claimAttempt } from "#app/auth/throttle.server.ts";
import { buildCatalog } from "#app/courses/catalog.server.ts";
import { pathToEnding } from "#app/courses/scenario.ts";
import { db } from "#app/db.server.ts";
import { unitLevel } from "#app/org/learning-report.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { courseProgress } from "#app/progress/progress.server.ts";
import { markLessonDone, recordScenarioRun, saveResponse, submitQuiz } from "#app/progress/steps.server.ts";

type Unit = Awaited<ReturnType<typeof ensureUnit>> & { name: string; level: string };
const unit = async (code: string, level: string, parent: Unit | null): Promise<Unit> => ({
  ...(await ensureUnit(db, { code, name: `Đơn vị ${code}`, level, kind: level, parent })),
  name: `Đơn vị ${code}`,
  level,
});

let province: Unit, district: Unit, commune: Unit, branch: Unit;

beforeAll(async () => {
  province = await unit("P", "province", null);
  district = await unit("D1", "district", province);
  commune = await unit("C1", "commune", district);
  branch = await unit("C1a", "branch", commune);
  await unit("C2", "commune", await unit("D2", "district", province));
});

describe("on PostgreSQL", () => {
  test("ensureUnit is idempotent and a path prefix query returns exactly the subtree", async () => {
    expect((await unit("C1", "commune", district)).id).toBe(commune.id);
    const subtree = await db.orgUnit.findMany({ where: { path: { startsWith: district.path } }, select: { id: true } });
    expect(new Set(subtree.map((u) => u.id))).toEqual(new Set([district.id, commune.id, branch.id]));
  });

  test("a person's session round-trips", async () => {
    const user = await upsertPerson(
      db,
      { name: "Nguyễn Thị Phiên", phone: "0901000001", gender: "female", unitId: commune.id, roles: [{ role: "organizer", unitId: district.id }] },
      { plain: "mat-khau-thu" },
    );
    const token = generateSessionToken();
    const session = await createSession(db, token, user.id, { lifetimeDays: 30 });
    // The hand-written join behind every request, on PostgreSQL's identifiers and types.
    const current = await loadCurrentUser(new Request("http://localhost/", { headers: { Cookie: `${sessionCookieName}=${token}` } }));
    expect(current).toMatchObject({ id: user.id, sessionId: session.id, refreshedCookie: null, name: "Nguyễn Thị Phiên", roles: [{ role: "organizer", unitId: district.id, unitPath: district.path }] });
  });

  test("a learner completes a real course and the unit report counts it", async () => {
    const catalog = await buildCatalog(db, "content/courses");
    expect(catalog.courses).toHaveLength(5);
    const course = catalog.courses[0]!;
    const learner = await upsertPerson(db, { name: "Trần Thị Học", phone: "0901000002", gender: "female", unitId: branch.id }, { plain: "mat-khau-thu" });
    for (const lesson of course.lessons) await markLessonDone(db, learner.id, course, lesson.id);
    for (const scenario of course.scenarios) await recordScenarioRun(db, learner.id, course, scenario.id, pathToEnding(scenario, "good")!);
    const answers = Object.fromEntries(course.quiz!.questions.map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]));
    const submitted = await submitQuiz(db, learner.id, course, answers);
    assert(!submitted.refused);
    expect(submitted.result.score).toBe(100);
    expect(submitted.progress.completedAt).toBeInstanceOf(Date);

    // The hand-written progress statement behind every lesson page, on PostgreSQL's types.
    const reflection = course.lessons.flatMap((l) => l.compiled.activities.reflections)[0]!;
    await saveResponse(db, learner.id, course, "reflection", reflection, "Ấp có 420 phụ nữ.");
    const standing = await courseProgress(db, learner.id, course);
    expect(standing).toMatchObject({ completedAt: submitted.progress.completedAt, needsRefresh: false, bestScore: 100, attempts: 1 });
    expect(standing.lastAttemptAt?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(standing.startedAt).toBeInstanceOf(Date);
    expect(new Set(standing.doneLessonIds)).toEqual(new Set(course.lessons.map((l) => l.id)));
    expect(new Set(standing.endedScenarioIds)).toEqual(new Set(course.scenarios.map((s) => s.id)));
    expect(standing.responses).toEqual({ [`reflection:${reflection}`]: "Ấp có 420 phụ nữ." });

    // The hand-written recursive sums behind the organizer report, on PostgreSQL's types.
    const level = await unitLevel(db, district, course, new Date());
    expect(level.children).toEqual([expect.objectContaining({ id: commune.id, name: commune.name, people: 2, completed: 1 })]);
    expect(level.total).toEqual({ people: 2, completed: 1 });
  });

  test("thirty parallel sign-in attempts on one account: only the five free ones are let through", async () => {
    const attempts = await Promise.all(Array.from({ length: 30 }, () => claimAttempt(db, "sign-in-account", "song-song@lantoa.vn")));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(5);
  });
});
