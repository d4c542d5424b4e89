import { describe, expect, test } from "vitest";
import { lessonMdx } from "#tests/unit/course-fixture.ts";
import { editorSnippets } from "#app/components/mdx/registry.server.ts";
import { previewFile } from "./preview.server.ts";

describe("previewFile", () => {
  test("every snippet of the editor previews without problems", async () => {
    for (const snippet of editorSnippets) expect(await previewFile("01-bai.mdx", lessonMdx("Bài thử", snippet.text)), snippet.label).toMatchObject({ ok: true });
  });

  test("the quiz's policy reaches the preview, its answer key does not", async () => {
    const quiz = editorSnippets.find((s) => s.label === "Quiz")!.text;
    const preview = await previewFile("01-bai.mdx", lessonMdx("Bài thử", quiz));
    expect(preview).toMatchObject({ ok: true, quiz: { policy: { attempts: 3, waitMinutes: 10, showAnswers: "after-pass" } } });
    expect(JSON.stringify(preview)).not.toMatch(/correct|Vì sao đáp án đúng/);
  });

  test("a bad policy value is an issue at the line and column of its <Quiz>", async () => {
    const preview = await previewFile("01-bai.mdx", lessonMdx("Bài thử", `Đoạn mở đầu.\n\n  <Quiz id="kt" waitMinutes="mười">\n<Question id="q1" prompt="?">\n<Choice correct>A</Choice>\n<Choice>B</Choice>\n<Explanation>.</Explanation>\n</Question>\n</Quiz>`));
    expect(preview).toEqual({ ok: false, issues: [{ file: "01-bai.mdx", line: 8, column: 3, message: expect.stringContaining('<Quiz waitMinutes="mười">') }] });
  });
});
