// What the server holds of one learner's steps, for the offline e2e (each must be there exactly once):
//   tsx offline-steps.ts <phone>
import { db } from "#app/db.server.ts";

const phone = process.argv[2]!;
const user = await db.user.findUniqueOrThrow({ where: { phone }, select: { id: true } });
const enrollment = { user: { phone } };
const [lessonsDone, quizAttempts, responses, keys] = await Promise.all([
  db.lessonProgress.findMany({ where: { enrollment }, select: { lesson: { select: { slug: true } } } }),
  db.quizAttempt.count({ where: { enrollment } }),
  db.activityResponse.findMany({ where: { enrollment }, select: { kind: true, activityId: true, value: true } }),
  db.idempotencyKey.findMany({ where: { userId: user.id }, select: { intent: true } }),
]);
process.stdout.write(
  JSON.stringify({
    lessonsDone: lessonsDone.map((p) => p.lesson.slug).sort(),
    quizAttempts,
    responses,
    keysByIntent: keys.reduce<Record<string, number>>((counts, k) => ({ ...counts, [k.intent]: (counts[k.intent] ?? 0) + 1 }), {}),
  }),
);
await db.$disconnect();
