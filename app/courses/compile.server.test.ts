import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, test, vi } from "vitest";
import { compileBudget, compileMdx, compilerVersion, contentHash, saveCompiled } from "#app/courses/compile.server.ts";
import { ContentError } from "#app/courses/content-error.ts";

const file = "content/courses/thu/01-bai.mdx";
const lineOffset = 4;
// A fresh body per run, so neither the in-memory nor the on-disk cache answers for the compiler.
const nonce = () => `Lần chạy ${crypto.randomUUID()}.`;

async function contentIssues(body: string) {
  const error = await compileMdx(file, body, lineOffset).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).issues;
}

describe("compileMdx: a lesson with a quiz", () => {
  const body = `${nonce()}

<Quiz id="cuoi-bai">
  <Question id="q1" prompt="Chọn một">
    <Choice>Sai</Choice>
    <Choice correct>Đúng</Choice>
    <Explanation>Vì-bí-mật-xanh-lá</Explanation>
  </Question>
  <Question id="q2" prompt="Chọn nhiều" multiple>
    <Choice correct>Một</Choice>
    <Choice>Hai</Choice>
    <Choice correct>Ba</Choice>
    <Explanation>Giải thích thứ hai</Explanation>
  </Question>
</Quiz>
`;

  test("compiles and extracts the answer key", async () => {
    const { activities } = await compileMdx(file, body, lineOffset);
    const [quiz] = activities.quizzes;
    expect(quiz?.id).toBe("cuoi-bai");
    expect(quiz?.questions.map((q) => [q.id, q.multiple, q.choices.filter((c) => c.correct).map((c) => c.id)])).toEqual([
      ["q1", false, ["b"]],
      ["q2", true, ["a", "c"]],
    ]);
    expect(quiz?.questions[0]?.explanation).toBe("Vì-bí-mật-xanh-lá");
  });

  test("the compiled code carries neither explanations nor correct markers", async () => {
    const { code } = await compileMdx(file, body, lineOffset);
    expect(code).toContain("cuoi-bai");
    expect(code).not.toContain("Vì-bí-mật-xanh-lá");
    expect(code).not.toMatch(/correct/i);
  });
});

describe("compileMdx: rejected lessons name the file and line", () => {
  test.each([
    ["an unknown component", `<Marquee>chạy chữ</Marquee>`, /<Marquee>/],
    ["an import", `import React from "react"`, /import\/export/],
    ["an export", `export const leak = 1`, /import\/export/],
    ["a JavaScript expression", `Khóa: {process.env.SECRET}`, /biểu thức/],
    ["an img with an onerror handler", `<img src="x" onerror="alert(1)" />`, /<img>/],
    ["a script element", `<script>alert(1)</script>`, /<script>/],
    ["an attribute given as an expression", `<Callout title={"x"}>nội dung</Callout>`, /chuỗi cố định/],
    ["a spread attribute", `<Callout {...props}>nội dung</Callout>`, /\{\.\.\.thuộc tính\}/],
    ["an attribute not in the registry", `<Callout onClick="x">nội dung</Callout>`, /"onClick"/],
    ["a Cite of an unknown document", `Theo <Cite doc="99-NQ/TW" />.`, /99-NQ\/TW/],
    ["a Figure without its size", `<Figure src="/images/a.png" alt="Ảnh" />`, /width và height/],
  ])("%s", async (_name, offending, message) => {
    const issues = await contentIssues(`${nonce()}\n\nĐoạn mở đầu.\n\n${offending}\n`);
    expect(issues).toContainEqual(expect.objectContaining({ file, line: 5 + lineOffset, message: expect.stringMatching(message) }));
  });

  test("a scenario whose option leads nowhere", async () => {
    const issues = await contentIssues(`${nonce()}

<Scenario id="lac-loi" title="Lạc lối" start="dau">
<Scene id="dau">
<Option to="khong-co">Đi</Option>
<Option to="cuoi">Dừng</Option>
</Scene>
<Scene id="cuoi" ending="good">Hết.</Scene>
</Scenario>
`);
    expect(issues).toEqual([expect.objectContaining({ file, line: 3 + lineOffset, message: expect.stringContaining('"khong-co"') })]);
  });

  test("a quiz question without a correct choice", async () => {
    const issues = await contentIssues(`${nonce()}

<Quiz id="thieu-dap-an">
  <Question id="q1" prompt="?">
    <Choice>A</Choice>
    <Choice>B</Choice>
    <Explanation>.</Explanation>
  </Question>
</Quiz>
`);
    expect(issues).toEqual([expect.objectContaining({ file, line: 3 + lineOffset, message: expect.stringContaining("không có đáp án đúng") })]);
  });
});

test("an import of a module that does not resolve is reported as a forbidden import on its source line", async () => {
  const body = `Lần chạy ${crypto.randomUUID()}.\n\nĐoạn mở đầu.\n\nimport x from "y"\n`;
  const error = await compileMdx("content/courses/thu/01-bai.mdx", body, 4).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContentError);
  expect((error as ContentError).issues).toContainEqual(
    expect.objectContaining({ file: "content/courses/thu/01-bai.mdx", line: 9, message: expect.stringMatching(/import\/export/) }),
  );
});

test("a second, JavaScript frontmatter block in the body is refused, never evaluated", async () => {
  const body = `---js\n{ a: require("node:fs").writeFileSync("/tmp/lantoa-pwned-2", "x") }\n---\n\n${crypto.randomUUID()}\n`;
  await expect(compileMdx("bai.mdx", body, 4)).rejects.toBeInstanceOf(ContentError);
  expect((await import("node:fs")).existsSync("/tmp/lantoa-pwned-2")).toBe(false);
});

describe("compileMdx: structure and links an author could get wrong", () => {
  const problemsOf = async (body: string) => {
    const error = await compileMdx("bai.mdx", `${crypto.randomUUID()}\n\n${body}`, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).issues.map((i) => i.message).join("\n");
  };

  test("an Option written inside a paragraph is refused (it would never show)", async () => {
    const body = `<Scenario id="s" title="T" start="a">\n  <Scene id="a">\n\nChào chị <Option to="b">đi</Option>\n\n  </Scene>\n  <Scene id="b" ending="good">\n\nXong.\n\n  </Scene>\n</Scenario>\n`;
    expect(await problemsOf(body)).toContain("<Option> phải nằm trực tiếp trong <Scene>");
  });

  test("reference-style links and scheme-relative links obey the same URL rule", async () => {
    expect(await problemsOf("[bấm][x]\n\n[x]: data:text/html,<script>alert(1)</script>\n")).toContain("không được phép");
    expect(await problemsOf("[trang khác](//evil.example/x)\n")).toContain('"//evil.example/x" không được phép');
  });

  test("two questions with the same id are refused", async () => {
    const q = `  <Question id="q1" prompt="Hỏi?">\n    <Choice correct>Có</Choice>\n    <Choice>Không</Choice>\n    <Explanation>Vì thế.</Explanation>\n  </Question>\n`;
    expect(await problemsOf(`<Quiz id="kt">\n${q}${q}</Quiz>\n`)).toContain('Câu hỏi id="q1" bị trùng');
  });
});

describe("compileMdx: the compile budget", () => {
  const overBudget = { file, message: expect.stringContaining("quá dài hoặc quá phức tạp để biên dịch"), messageKey: "author.compileBudget" };

  test("a body that takes too long to parse is refused, and the next body still compiles", async () => {
    // Valid Markdown whose emphasis marks take the parser quadratic time: about half a minute on one thread.
    expect(await contentIssues(`${nonce()}\n\n${"_*".repeat(30_000)}\n`)).toEqual([overBudget]);
    expect((await compileMdx(file, `${nonce()} Bình thường.`, lineOffset)).parts).toEqual([{ html: expect.stringContaining("Bình thường.") }]);
  });

  test("a body over the size budget is refused", async () => {
    expect(await contentIssues(`${nonce()} ${"chữ ".repeat(compileBudget.chars / 4)}`)).toEqual([overBudget]);
  });

  test("a broken body is compiled once; the same body is then refused from the cache, with its own file and line", async () => {
    const posted = vi.spyOn(Worker.prototype, "postMessage");
    const body = `${nonce()}\n\n<Marquee>chạy chữ</Marquee>\n`;
    expect(await contentIssues(body)).toEqual([expect.objectContaining({ file, line: 3 + lineOffset })]);
    const again = await compileMdx("khac.mdx", body, 0).catch((e: unknown) => e);
    expect((again as ContentError).issues).toEqual([expect.objectContaining({ file: "khac.mdx", line: 3, message: expect.stringContaining("<Marquee>") })]);
    expect(posted).toHaveBeenCalledTimes(1);
    posted.mockRestore();
  });
});

describe("compileMdx: what is kept of a compile", () => {
  const cached = (body: string) => path.resolve(".cache/mdx", `${contentHash(compilerVersion, body)}.json`);
  const posted = () => vi.spyOn(Worker.prototype, "postMessage");
  afterEach(() => vi.restoreAllMocks());

  test("a lesson is compiled once: the process answers it from memory, and keeps it on disk for other processes", async () => {
    const body = `${nonce()} Bài đã biên dịch.`;
    const sent = posted();
    const compiled = await compileMdx(file, body, lineOffset);
    expect(await compileMdx(file, body, lineOffset)).toBe(compiled);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(JSON.parse(readFileSync(cached(body), "utf8"))).toEqual(compiled);
  });

  test("a preview is kept neither in memory nor on disk, and the build ships only lessons", async () => {
    const lesson = `${nonce()} Bài học.`;
    const preview = `${nonce()} Bản nháp.`;
    await compileMdx(file, lesson, lineOffset);
    const sent = posted();
    await compileMdx(file, preview, lineOffset, { cache: false });
    await compileMdx(file, preview, lineOffset, { cache: false });
    expect(sent).toHaveBeenCalledTimes(2);
    expect(existsSync(cached(preview))).toBe(false);

    const shipped = mkdtempSync(path.join(os.tmpdir(), "lantoa-build-"));
    await saveCompiled(shipped);
    const files = readdirSync(shipped);
    expect(files).toContain(path.basename(cached(lesson)));
    expect(files).not.toContain(path.basename(cached(preview)));
    expect(files.every((name) => name.endsWith(".json"))).toBe(true);
    rmSync(shipped, { recursive: true });
  });
});

test("a failure is remembered for the last 500 broken bodies only; an older one is compiled again", async () => {
  // Failures of the tests above are older still: they go first, whatever their number.
  const broken = Array.from({ length: 501 }, (_, i) => `${nonce()}\n\n<Blink>${i}</Blink>\n`);
  for (const body of broken) await compileMdx(file, body, 0).catch(() => null);
  const sent = vi.spyOn(Worker.prototype, "postMessage");
  await expect(compileMdx(file, broken[1]!, 0)).rejects.toBeInstanceOf(ContentError);
  expect(sent).not.toHaveBeenCalled();
  await expect(compileMdx(file, broken[0]!, 0)).rejects.toBeInstanceOf(ContentError);
  expect(sent).toHaveBeenCalledTimes(1);
  sent.mockRestore();
});

test("the parts of a cache key are hashed apart: moving text from one part to the next changes the key", () => {
  expect(contentHash("6", "1bài")).not.toBe(contentHash("61", "bài"));
});
