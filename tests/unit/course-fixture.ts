import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export type CourseFiles = Record<string, string>;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Writes course folders ({ slug: { "course.mdx": …, "01-x.mdx": … } }) under a fresh temp root. */
export function writeContentRoot(courses: Record<string, CourseFiles>) {
  const root = mkdtempSync(path.join(os.tmpdir(), "lantoa-content-"));
  roots.push(root);
  for (const [slug, files] of Object.entries(courses)) {
    mkdirSync(path.join(root, slug));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, slug, name), text);
  }
  return root;
}

export const courseMdx = (frontmatter: string) => `---
title: "Khóa học thử"
summary: "Một khóa học nhỏ dùng để kiểm thử."
audience: "Người kiểm thử"
${frontmatter}
---

Giới thiệu khóa học thử.
`;

export const lessonMdx = (title: string, body: string) => `---
title: "${title}"
minutes: 5
---

${body}
`;

/**
 * Two reading lessons, a three-scene scenario and a two-question quiz; passing needs both answers right.
 * `quizProps` sets the quiz's policy, e.g. `attempts="2" waitMinutes="10"`.
 */
export function tinyCourse(extraText = "", quizProps = ""): CourseFiles {
  return {
    "course.mdx": courseMdx(`passMark: 100
completion:
  quiz: kiem-tra
  scenarios: [tham-nha]
modules:
  - title: "Phần đọc"
    lessons: [01-mo-dau, 02-tham-nha]
  - title: "Phần kiểm tra"
    lessons: [03-kiem-tra]`),
    "01-mo-dau.mdx": lessonMdx("Mở đầu", `Bài đọc đầu tiên. ${extraText}`),
    "02-tham-nha.mdx": lessonMdx(
      "Thăm nhà",
      `<Scenario id="tham-nha" title="Thăm nhà hội viên" start="cong">
<Scene id="cong">
<Option to="lang-nghe">Ngồi xuống lắng nghe.</Option>
<Option to="vo-van">Nói ngay chuyện đóng hội phí.</Option>
</Scene>
<Scene id="lang-nghe" ending="good">Chị ấy nhận lời tham gia.</Scene>
<Scene id="vo-van" ending="bad">Chị ấy từ chối.</Scene>
</Scenario>`,
    ),
    "03-kiem-tra.mdx": lessonMdx(
      "Kiểm tra",
      `<Quiz id="kiem-tra"${quizProps ? ` ${quizProps}` : ""}>
  <Question id="q1" prompt="Một cộng một?">
    <Choice correct>Hai</Choice>
    <Choice>Ba</Choice>
    <Explanation>Một cộng một là hai.</Explanation>
  </Question>
  <Question id="q2" prompt="Chọn các số chẵn" multiple>
    <Choice correct>Hai</Choice>
    <Choice>Ba</Choice>
    <Choice correct>Bốn</Choice>
    <Explanation>Hai và bốn chia hết cho hai.</Explanation>
  </Question>
</Quiz>`,
    ),
  };
}
