import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ContentError } from "#app/courses/content-error.ts";
import { compileCourse, loadAllCourses, loadCourse, readCourseDir } from "#app/courses/content.server.ts";
import { courseMdx, lessonMdx, tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";

async function issuesOf(load: Promise<unknown>) {
  const error = await load.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).issues;
}

describe("the real course content", () => {
  test("all five courses load, each with at least 4 lessons and a quiz of at least 8 questions", async () => {
    const courses = await loadAllCourses("content/courses");
    expect(courses).toHaveLength(5);
    for (const course of courses) {
      expect(course.lessons.length, course.slug).toBeGreaterThanOrEqual(4);
      expect(course.quiz?.questions.length ?? 0, course.slug).toBeGreaterThanOrEqual(8);
    }
  });
});

describe("loadCourse on a fixture", () => {
  test("a sound course loads its lessons in module order with its quiz and scenario", async () => {
    const root = writeContentRoot({ "khoa-tot": tinyCourse() });
    const course = await loadCourse(path.join(root, "khoa-tot"));
    expect(course.lessons.map((l) => [l.slug, l.moduleTitle, l.position])).toEqual([
      ["mo-dau", "Phần đọc", 0],
      ["tham-nha", "Phần đọc", 1],
      ["kiem-tra", "Phần kiểm tra", 2],
    ]);
    expect(course.quiz?.id).toBe("kiem-tra");
    expect(course.requiredScenarioIds).toEqual(["tham-nha"]);
  });

  test("a frontmatter field of the wrong type names the file, field and line", async () => {
    const files = tinyCourse();
    files["course.mdx"] = files["course.mdx"]!.replace("passMark: 100", 'passMark: "tám mươi"');
    const root = writeContentRoot({ "khoa-sai": files });
    const issues = await issuesOf(loadCourse(path.join(root, "khoa-sai")));
    expect(issues).toEqual([
      expect.objectContaining({ file: path.join(root, "khoa-sai", "course.mdx"), line: 5, message: expect.stringContaining('"passMark"') }),
    ]);
  });

  test("a lesson listed in modules without a file, and a file not listed, are both reported", async () => {
    const files = tinyCourse();
    files["course.mdx"] = files["course.mdx"]!.replace("01-mo-dau, 02-tham-nha", "01-mo-dau, 02-tham-nha, 02-bai-ma");
    files["09-bai-le.mdx"] = lessonMdx("Bài lẻ", "Không ai liệt kê bài này.");
    const root = writeContentRoot({ "khoa-lech": files });
    const dir = path.join(root, "khoa-lech");
    const issues = await issuesOf(loadCourse(dir));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: path.join(dir, "course.mdx"), message: expect.stringContaining("02-bai-ma") }),
        { file: path.join(dir, "09-bai-le.mdx"), message: "bài học không có trong modules của course.mdx" },
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  test("completion.quiz naming no quiz is reported against course.mdx", async () => {
    const files = tinyCourse();
    files["course.mdx"] = files["course.mdx"]!.replace("quiz: kiem-tra", "quiz: khong-ton-tai");
    const root = writeContentRoot({ "khoa-thieu-quiz": files });
    const issues = await issuesOf(loadCourse(path.join(root, "khoa-thieu-quiz")));
    expect(issues).toEqual([
      expect.objectContaining({ file: path.join(root, "khoa-thieu-quiz", "course.mdx"), message: expect.stringMatching(/completion\.quiz.*khong-ton-tai/) }),
    ]);
  });

  test("the quiz's policy comes from its props, and a bad value is reported at the <Quiz> line", async () => {
    const root = writeContentRoot({
      "khoa-chinh-sach": tinyCourse("", 'attempts="3" waitMinutes="10" showAnswers="never"'),
      "khoa-sai-chinh-sach": tinyCourse("", 'attempts="ba" showAnswers="sau-khi-dat"'),
    });
    expect((await loadCourse(path.join(root, "khoa-chinh-sach"))).quiz?.policy).toEqual({ attempts: 3, waitMinutes: 10, showAnswers: "never" });
    const file = path.join(root, "khoa-sai-chinh-sach", "03-kiem-tra.mdx");
    // Lines 1–4 are frontmatter, 5 is blank, 6 the <Quiz>.
    const issues = await issuesOf(loadCourse(path.join(root, "khoa-sai-chinh-sach")));
    expect(issues.filter((i) => i.file === file)).toEqual([
      { file, line: 6, column: 1, message: expect.stringContaining('<Quiz attempts="ba">') },
      { file, line: 6, column: 1, message: expect.stringContaining('<Quiz showAnswers="sau-khi-dat">: phải là một trong: after-pass, after-last-attempt, never') },
    ]);
  });

  test("a broken lesson body names the lesson file and its line in the file, frontmatter included", async () => {
    const files = tinyCourse();
    files["01-mo-dau.mdx"] = lessonMdx("Mở đầu", `Dòng một.\n\n<Blink>nhấp nháy ${crypto.randomUUID()}</Blink>`);
    const root = writeContentRoot({ "khoa-loi-bai": files });
    const issues = await issuesOf(loadCourse(path.join(root, "khoa-loi-bai")));
    // Lines 1–4 are frontmatter, 5 is blank, 6 "Dòng một.", 7 blank, 8 the element.
    expect(issues).toEqual([expect.objectContaining({ file: path.join(root, "khoa-loi-bai", "01-mo-dau.mdx"), line: 8 })]);
  });
});

describe("loadAllCourses on a fixture", () => {
  test("reports the problems of every broken course at once", async () => {
    const root = writeContentRoot({
      "khoa-a": { "course.mdx": courseMdx("passMark: 101\nmodules:\n  - title: \"Phần\"\n    lessons: [01-bai]"), "01-bai.mdx": lessonMdx("Bài", "Nội dung.") },
      "khoa-b": { "course.mdx": courseMdx("passMark: 80\nmodules:\n  - title: \"Phần\"\n    lessons: [01-bai]"), "01-bai.mdx": "---\ntitle: \"Bài\"\n---\n\nThiếu minutes.\n" },
    });
    const issues = await issuesOf(loadAllCourses(root));
    expect(issues.map((i) => path.relative(root, i.file))).toEqual([path.join("khoa-a", "course.mdx"), path.join("khoa-b", "01-bai.mdx")]);
    expect(issues[1]?.message).toContain('"minutes"');
  });
});

describe("course-wide checks", () => {
  test("the introduction may not hold activities, and an activity id is used once per course", async () => {
    const course = tinyCourse();
    course["course.mdx"] = `${course["course.mdx"]}\n<Reflection id="gioi-thieu" prompt="Vì sao?" />\n`;
    course["01-mo-dau.mdx"] = lessonMdx("Mở đầu", `Bài đọc.\n\n<Reflection id="y-kien" prompt="Một?" />\n\n<Reflection id="y-kien" prompt="Hai?" />\n`);
    const root = writeContentRoot({ "khoa-loi": course });
    const messages = (await issuesOf(loadCourse(path.join(root, "khoa-loi")))).map((i) => i.message);
    expect(messages).toContainEqual(expect.stringContaining("phần giới thiệu không chứa thành phần tương tác (Checklist, Quiz, Reflection, Scenario)"));
    expect(messages).toContainEqual(expect.stringContaining('<Reflection id="y-kien"> xuất hiện hơn một lần'));
  });
});

describe("what else an author can get wrong in a course", () => {
  const problems = async (files: Record<string, string>) => (await issuesOf(compileCourse({ slug: "khoa", location: "", files }))).map(({ file, line, message }) => ({ file, line, message }));

  test("a folder without course.mdx", async () => {
    const { "course.mdx": _course, ...lessons } = tinyCourse();
    expect(await problems(lessons)).toEqual([{ file: "course.mdx", line: undefined, message: "thiếu tệp course.mdx" }]);
  });

  test("a broken introduction is reported with the lessons' problems", async () => {
    const files = tinyCourse();
    files["course.mdx"] = `${files["course.mdx"]}\n<Marquee>chạy chữ</Marquee>\n`;
    files["01-mo-dau.mdx"] = lessonMdx("Mở đầu", "Chữ {1 + 1}.");
    expect(await problems(files)).toEqual([
      { file: "course.mdx", line: 18, message: expect.stringContaining("<Marquee>") },
      { file: "01-mo-dau.mdx", line: 6, message: expect.stringContaining("biểu thức") },
    ]);
  });

  test("a prerequisite that is not a lesson of the course", async () => {
    const files = tinyCourse();
    files["03-kiem-tra.mdx"] = files["03-kiem-tra.mdx"]!.replace("minutes: 5", "minutes: 5\nprerequisites: [01-mo-dau, 02-vang-mat]");
    expect(await problems(files)).toEqual([{ file: "03-kiem-tra.mdx", line: undefined, message: 'prerequisites: không có bài "02-vang-mat" trong khóa học' }]);
  });

  test("a second quiz in the course", async () => {
    const files = tinyCourse();
    files["01-mo-dau.mdx"] = lessonMdx("Mở đầu", '<Quiz id="on-tap">\n  <Question id="q1" prompt="?">\n    <Choice correct>Có</Choice>\n    <Choice>Không</Choice>\n    <Explanation>Vì.</Explanation>\n  </Question>\n</Quiz>');
    expect(await problems(files)).toEqual([{ file: "course.mdx", line: undefined, message: "mỗi khóa học chỉ có một <Quiz>" }]);
  });

  test("completion.scenarios naming a scenario that is not in the course", async () => {
    const files = tinyCourse();
    files["course.mdx"] = files["course.mdx"]!.replace("scenarios: [tham-nha]", "scenarios: [tham-nha, di-cho]");
    expect(await problems(files)).toEqual([{ file: "course.mdx", line: undefined, message: 'completion.scenarios: không có <Scenario id="di-cho">' }]);
  });

  test("files that are not MDX are not lessons: a course folder may hold notes and images", async () => {
    const root = writeContentRoot({ "khoa-ghi-chu": { ...tinyCourse(), "ghi-chu.md": "Ghi chú của người soạn.", "hinh.svg": "<svg/>" } });
    writeFileSync(path.join(root, "README.md"), "Các khóa học.");
    const source = await readCourseDir(path.join(root, "khoa-ghi-chu"));
    expect(Object.keys(source.files).sort()).toEqual(["01-mo-dau.mdx", "02-tham-nha.mdx", "03-kiem-tra.mdx", "course.mdx"]);
    expect((await compileCourse({ ...source, files: { ...source.files, "ghi-chu.txt": "Ghi chú." } })).lessons).toHaveLength(3);
    expect((await loadAllCourses(root)).map((c) => c.slug)).toEqual(["khoa-ghi-chu"]);
  });
});
