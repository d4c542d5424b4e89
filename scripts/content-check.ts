// `npm run content:check`: validates every course under content/ (frontmatter, components, quizzes,
// scenarios, lesson lists) and compiles it, filling the compile cache. Exits 1 with file:line messages.
import { ContentError } from "#app/courses/content-error.ts";
import { loadAllCourses } from "#app/courses/content.server.ts";

const root = process.argv[2] ?? process.env.CONTENT_DIR ?? "content/courses";
try {
  const courses = await loadAllCourses(root);
  for (const course of courses)
    console.log(`✓ ${course.slug}: ${course.lessons.length} bài, ${course.quiz?.questions.length ?? 0} câu hỏi, ${course.scenarios.length} tình huống`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  console.error(`\n${error.issues.length} lỗi nội dung.`);
  process.exit(1);
}
