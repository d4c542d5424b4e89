import { createProcessor } from "@mdx-js/mdx";
import fc from "fast-check";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { describe, expect, test } from "vitest";
import { compileMdx } from "./compile.server.ts";
import { ContentError } from "./content-error.ts";
import { validateMdx } from "./mdx-rules.server.ts";
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
