// `npm run content:check`: validates every course under content/ (frontmatter, components, quizzes,
// scenarios, lesson lists, links between courses) and compiles it, filling the compile cache.
// Exits 1 with file:line messages. With --build (the last step of `npm run build`), it also writes the
// compiled lessons to build/content, where production processes read them instead of compiling.
import "./supported-node.mjs";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { builtContentDir, saveCompiled } from "#app/courses/compile.server.ts";
import { ContentError, formatIssue } from "#app/courses/content-error.ts";
import { loadAllCourses } from "#app/courses/content.server.ts";
import { brokenCourseLinks, unknownPrerequisites } from "#app/courses/links.ts";

const { values: flags, positionals } = parseArgs({ options: { build: { type: "boolean", default: false } }, allowPositionals: true });
const root = positionals[0] ?? process.env.CONTENT_DIR ?? "content/courses";
try {
  // Only what this content compiles to, never an earlier build's lessons.
  if (flags.build) rmSync(builtContentDir, { recursive: true, force: true });
  const courses = await loadAllCourses(root);
  const broken = [
    ...brokenCourseLinks(courses).map((b) => ({ file: path.join(root, b.course, `${b.lesson}.mdx`), message: `liên kết ${b.link} không trỏ tới khóa học hay bài học nào` })),
    ...unknownPrerequisites(courses).map((u) => ({ file: path.join(root, u.course, "course.mdx"), message: `prerequisites: không có khóa học "${u.missing}"` })),
  ];
  if (broken.length > 0) throw new ContentError(broken);
  if (flags.build) await saveCompiled(builtContentDir);
  for (const course of courses)
    console.log(`✓ ${course.slug}: ${course.lessons.length} bài, ${course.quiz?.questions.length ?? 0} câu hỏi, ${course.scenarios.length} tình huống`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  for (const issue of error.issues) console.error(formatIssue(issue));
  console.error(`\n${error.issues.length} lỗi nội dung.`);
  process.exit(1);
}
