import { createProcessor } from "@mdx-js/mdx";
import fc from "fast-check";
import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { describe, expect, test } from "vitest";
import { componentNames } from "#app/components/mdx/registry.server.ts";
import { compileMdx } from "./compile.server.ts";
import { ContentError } from "./content-error.ts";
import { checkAndExtract, validateMdx } from "./mdx-rules.server.ts";
import { parseFrontmatter } from "./safe-matter.server.ts";

const forbiddenTypes = new Set(["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "html"]);

// Parsed on its own here, so the property does not trust the validator to find what it must refuse.
function holdsForbiddenNode(body: string) {
  let found = false;
  visit(createProcessor().parse(parseFrontmatter(body).content) as Node, (node) => {
    found ||= forbiddenTypes.has(node.type);
  });
  return found;
}

const allowed = [
  "## Lắng nghe trước khi nói",
  "Đoạn văn có **chữ đậm**, _chữ nghiêng_ và `mã`.",
  '<Callout type="tip" title="Ghi nhớ">\n\nNghe chị em nói hết ý.\n\n</Callout>',
  'Một <Term meaning="giải thích">thuật ngữ</Term> khó.',
  "[Các khóa học](/courses) và [trang ngoài](https://hoilhpn.org.vn).",
  "- mục một\n- mục hai",
  '<Figure src="/images/hop.jpg" alt="Buổi họp" width="640" height="360" />',
];
const hostile = [
  "<script>alert(1)</script>",
  "{process.env.SECRET}",
  "Khóa là {1 + 1} nhé.",
  'import fs from "node:fs"',
  "export const leak = globalThis.process",
  "[bấm vào đây](javascript:alert(1))",
  '<img src="x" onerror="alert(1)" />',
  "<div>HTML thô</div>",
  "<!-- chú thích HTML -->",
  '<Callout title={"x"}>nội dung</Callout>',
  '<Callout {...props}>nội dung</Callout>',
];
const words = fc.stringMatching(/^[a-zA-Zàáâãèéêìíòóôõùúăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ ]{1,40}$/).map((s) => s.trim() || "chữ");
const block = (pieces: string[]) => fc.oneof(fc.constantFrom(...pieces), words);
const documentOf = (blocks: fc.Arbitrary<string[]>) => blocks.map((parts) => parts.join("\n\n"));

describe("validateMdx", () => {
  test("never throws on arbitrary text, and never accepts a document with an expression, ESM or raw HTML", () => {
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 100 }), documentOf(fc.array(fc.oneof(block(allowed), block(hostile), fc.string({ maxLength: 20 })), { maxLength: 6 })));
    fc.assert(
      fc.property(text, (body) => {
        const problems = validateMdx(body);
        expect(Array.isArray(problems)).toBe(true);
        if (problems.length === 0) expect(holdsForbiddenNode(body)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test("a document with any hostile piece among allowed ones is refused", () => {
    const withHostile = fc
      .tuple(fc.array(block(allowed), { maxLength: 4 }), fc.constantFrom(...hostile), fc.array(block(allowed), { maxLength: 4 }))
      .map(([before, bad, after]) => [...before, bad, ...after].join("\n\n"));
    fc.assert(
      fc.property(withHostile, (body) => {
        expect(validateMdx(body)).not.toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("compileMdx on generated documents", () => {
  test("documents of allowed components are accepted and compile", async () => {
    await fc.assert(
      fc.asyncProperty(documentOf(fc.array(block(allowed), { minLength: 1, maxLength: 5 })), async (body) => {
        expect(validateMdx(body)).toEqual([]);
        await expect(compileMdx("bai.mdx", body, 0)).resolves.toHaveProperty("parts");
      }),
      { numRuns: 15 },
    );
  });

  test("arbitrary text either compiles or is refused with a ContentError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 120 }), documentOf(fc.array(fc.oneof(block(allowed), block(hostile)), { maxLength: 4 }))), async (body) => {
        const outcome = await compileMdx("bai.mdx", body, 0, { cache: false }).catch((e: unknown) => e);
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ContentError);
      }),
      { numRuns: 25 },
    );
  });
});

// In this thread, not through the compile workers: the rules are checked here as the bundler checks them.
describe("validateMdx: what an author is told, and where", () => {
  const urlRule = "không được phép: chỉ dùng https://, http:// hoặc đường dẫn trong trang";
  const only = componentNames.join(", ");

  test.each([
    ["a fragment", "Một <>mảnh</> chữ.", [{ line: 1, column: 5, message: `thành phần <fragment> không được phép; chỉ dùng: ${only}` }]],
    ["an unknown component inside a paragraph", "Chữ <Blink>nháy</Blink>.", [{ line: 1, column: 5, message: `thành phần <Blink> không được phép; chỉ dùng: ${only}` }]],
    ["a spread of props", "\n<Callout {...p}>a</Callout>", [{ line: 2, column: 1, message: "<Callout>: không được dùng {...thuộc tính}" }]],
    // The expression is the one problem: its prop's rule has no literal value to judge.
    ["a prop given as an expression", "<Callout type={x}>a</Callout>", [{ line: 1, column: 1, message: "<Callout type>: giá trị phải là chuỗi cố định, không phải biểu thức" }]],
    [
      "an expression next to a bad literal",
      '<Figure src="javascript:alert(1)" alt="a" width={640} height="360" />',
      [
        { line: 1, column: 1, message: "<Figure width>: giá trị phải là chuỗi cố định, không phải biểu thức" },
        { line: 1, column: 1, message: '<Figure src="javascript:alert(1)">: đường dẫn ảnh không hợp lệ' },
      ],
    ],
    ["a bare prop that needs a value", '<Figure src="/a.png" alt="a" width height="360" />', [{ line: 1, column: 1, message: '<Figure width>: cần width và height là số điểm ảnh, ví dụ width="640" height="360"' }]],
    ["a missing prop", '<Figure src="/a.png" alt="a" height="360" />', [{ line: 1, column: 1, message: '<Figure width>: cần width và height là số điểm ảnh, ví dụ width="640" height="360"' }]],
    ["a bad literal", 'Đoạn.\n\n<Callout type="danger">a</Callout>', [{ line: 3, column: 1, message: '<Callout type="danger">: phải là note, tip hoặc warning' }]],
    ["a javascript: image", "Ảnh ![x](javascript:alert(1))", [{ line: 1, column: 5, message: `đường dẫn "javascript:alert(1)" ${urlRule}` }]],
    ["a javascript: definition with a slash in it", "[y][x]\n\n[x]: javascript:alert(1)//", [{ line: 3, column: 1, message: `đường dẫn "javascript:alert(1)//" ${urlRule}` }]],
    ["a link to another site without a scheme", "Xem [đây](//evil.example/x).", [{ line: 1, column: 5, message: `đường dẫn "//evil.example/x" ${urlRule}` }]],
    ["a link to another site with a backslash", "Xem [đây](/\\evil.example/x).", [{ line: 1, column: 5, message: `đường dẫn "/\\evil.example/x" ${urlRule}` }]],
    ["an interactive component in a paragraph", "Một <Reflection id=\"r\" prompt=\"p\" /> chữ.", [{ line: 1, column: 5, message: "<Reflection> phải đứng riêng ở cấp ngoài cùng, không lồng trong thành phần hay đoạn văn khác" }]],
    ["a part outside its parent", "Đoạn.\n\n<Step>lẻ</Step>", [{ line: 3, column: 1, message: "<Step> phải nằm trực tiếp trong <Checklist>, trên dòng riêng" }]],
    [
      "a part in the wrong component",
      '<Scenario id="s" title="t" start="a">\n  <Option to="a">x</Option>\n  <Scene id="a" ending="good">\n\nXong.\n\n  </Scene>\n</Scenario>',
      [{ line: 2, column: 3, message: "<Option> phải nằm trực tiếp trong <Scene>, trên dòng riêng" }],
    ],
    ["a syntax error, at its line and column", "Đoạn.\n\nChữ <Callout\n", [{ line: 3, column: 13, message: expect.stringMatching(/^MDX lỗi cú pháp: Unexpected end of file in name/) }]],
    ["a JavaScript frontmatter", "---js\n{}\n---\nChữ.", [{ line: 1, column: 1, message: "MDX lỗi cú pháp: chỉ chấp nhận frontmatter YAML" }]],
  ])("%s", (_name, body, problems) => {
    expect(validateMdx(body)).toEqual(problems);
  });

  test.each([
    ["props in any order", '<Figure alt="Buổi họp" height="360" src="/images/hop.jpg" caption="Họp chi hội" width="640" />\n\n<Callout title="Ghi nhớ" type="warning">\n\nChú ý.\n\n</Callout>'],
    ["web, mail and in-page links", "[a](http://hoilhpn.org.vn) [b](https://hoilhpn.org.vn) [c](mailto:hoi@example.org) [d](#muc-2) [e](/courses)"],
    ["relative links, even with a colon after the path", "[bước](../bai-hai#buoc:1) [tệp](tai-lieu/ke-hoach.pdf)"],
    ["a quiz whose correct choices are bare props", '<Quiz id="kt">\n  <Question id="q1" prompt="Chọn?" multiple>\n    <Choice correct>Một</Choice>\n    <Choice correct>Hai</Choice>\n    <Choice>Ba</Choice>\n    <Explanation>Vì thế.</Explanation>\n  </Question>\n</Quiz>'],
  ])("accepts %s", (_name, body) => {
    expect(validateMdx(body)).toEqual([]);
  });
});

describe("checkAndExtract on a tree another plugin built", () => {
  test("a node without a position is reported at the start of the file", () => {
    const tree: Root = { type: "root", children: [{ type: "paragraph", children: [{ type: "link", url: "javascript:alert(1)", children: [{ type: "text", value: "x" }] }] }] };
    expect(checkAndExtract(tree).problems).toEqual([{ line: 1, column: 1, message: expect.stringContaining('"javascript:alert(1)"') }]);
  });
});
