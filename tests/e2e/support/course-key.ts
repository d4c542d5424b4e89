// Prints what a test needs to finish a course honestly: lesson slugs, the quiz's answer key and a
// path to a good ending of every scenario, read from the same content the server compiles.
import { loadCourse } from "#app/courses/content.server.ts";
import { pathToEnding } from "#app/courses/scenario.ts";

const course = await loadCourse(`content/courses/${process.argv[2]}`);
console.log(
  JSON.stringify({
    lessons: course.lessons.map((l) => ({ slug: l.slug, quizzes: l.compiled.activities.quizzes.length, scenarios: l.compiled.activities.scenarios.map((s) => ({ id: s.id, path: pathToEnding(s, "good") })) })),
    quiz: course.quiz?.questions.map((q) => ({ id: q.id, correct: q.choices.filter((c) => c.correct).map((c) => c.id), explanation: q.explanation })) ?? [],
  }),
);
