import { z } from "zod";
import type { CatalogCourse, CatalogLesson } from "#app/courses/catalog.server.ts";
import type { DbTx } from "#app/db.server.ts";
import { markLessonDone, recordScenarioRun, saveResponse, submitQuiz } from "./steps.server.ts";

const activityId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const forms = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("done") }),
  z.object({ intent: z.literal("quiz") }),
  z.object({ intent: z.literal("scenario"), scenarioId: activityId, path: z.string().max(4000) }),
  z.object({ intent: z.literal("reflection"), activityId, value: z.string().trim().min(1).max(4000) }),
  z.object({ intent: z.literal("checklist"), activityId }),
]);

// The ticked steps, one `step` field each (a form of checkboxes, with or without JavaScript).
const stepIndexes = z.array(z.string().regex(/^\d{1,2}$/).transform(Number)).max(100);
const scenePath = z.array(activityId).min(1).max(100);

type Outcome = { status: number; body: Record<string, unknown> };

/** Everything a learner can post from a lesson page: one parser, one domain call per intent. */
export async function handleLessonAction(db: DbTx, userId: string, course: CatalogCourse, lesson: CatalogLesson, formData: FormData): Promise<Outcome> {
  const parsed = forms.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: 400, body: { error: "error.400" } };
  const form = parsed.data;
  // Every activity must be one of this lesson's: prerequisites guard lessons, not ids.
  const activities = lesson.compiled.activities;
  switch (form.intent) {
    case "done": {
      const progress = await markLessonDone(db, userId, course, lesson.id);
      return { status: 200, body: { intent: "done", completed: Boolean(progress.completedAt) } };
    }
    case "quiz": {
      const quiz = course.quiz;
      if (!quiz || !activities.quizzes.some((q) => q.id === quiz.id)) return { status: 400, body: { intent: "quiz", error: "error.400" } };
      const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, formData.getAll(`q:${q.id}`).map(String)]));
      if (Object.values(answers).some((a) => a.length === 0)) return { status: 400, body: { intent: "quiz", error: "quiz.unanswered" } };
      const submitted = await submitQuiz(db, userId, course, answers);
      const { refused } = submitted;
      if (refused) return { status: 409, body: { intent: "quiz", error: refused.error, nextAttemptAt: refused.nextAttemptAt?.toISOString() ?? null } };
      return { status: 200, body: { intent: "quiz", result: submitted.result, completed: Boolean(submitted.progress.completedAt) } };
    }
    case "scenario": {
      if (!activities.scenarios.some((s) => s.id === form.scenarioId)) return { status: 400, body: { intent: "scenario", error: "error.400" } };
      const path = scenePath.safeParse(safeJson(form.path));
      const progress = path.success ? await recordScenarioRun(db, userId, course, form.scenarioId, path.data) : null;
      if (!progress) return { status: 400, body: { intent: "scenario", error: "error.400" } };
      return { status: 200, body: { intent: "scenario", completed: Boolean(progress.completedAt) } };
    }
    case "reflection": {
      if (!activities.reflections.includes(form.activityId)) return { status: 400, body: { intent: "reflection", error: "error.400" } };
      await saveResponse(db, userId, course, "reflection", form.activityId, form.value);
      return { status: 200, body: { intent: "reflection", saved: true } };
    }
    case "checklist": {
      if (!activities.checklists.includes(form.activityId)) return { status: 400, body: { intent: "checklist", error: "error.400" } };
      const steps = stepIndexes.safeParse(formData.getAll("step"));
      if (!steps.success) return { status: 400, body: { intent: "checklist", error: "error.400" } };
      await saveResponse(db, userId, course, "checklist", form.activityId, JSON.stringify([...new Set(steps.data)].sort((a, b) => a - b)));
      return { status: 200, body: { intent: "checklist", saved: true } };
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
