import fc from "fast-check";
import { expect, test } from "vitest";
import { ContentError } from "./content-error.ts";
import { courseFrontmatter, lessonFrontmatter } from "./course-schema.ts";
import { parseMdx } from "./frontmatter.server.ts";

test("a YAML syntax error in frontmatter names the line it is on", () => {
  // Line 1 is "---", line 2 the title with an unquoted colon.
  expect(() => parseMdx("f.mdx", `---\ntitle: Bài: hai\nminutes: 5\n---\n\nx\n`, lessonFrontmatter)).toThrow(
    expect.objectContaining({ issues: [expect.objectContaining({ file: "f.mdx", line: 2 })] }),
  );
});

test("a field of the wrong type names the field and its line", () => {
  expect(() => parseMdx("f.mdx", `---\ntitle: Bài một\nminutes: mười\n---\n\nx\n`, lessonFrontmatter)).toThrow(
    expect.objectContaining({ issues: [expect.objectContaining({ line: 3, message: expect.stringContaining('"minutes"') })] }),
  );
});

test("JavaScript frontmatter is refused, never evaluated", () => {
  const hostile = `---js\n{ title: require("node:fs").writeFileSync("/tmp/lantoa-pwned", "x") && "t", minutes: 5 }\n---\n\nx\n`;
  expect(() => parseMdx("f.mdx", hostile, lessonFrontmatter)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ message: expect.stringContaining("chỉ chấp nhận frontmatter YAML") })] }));
});

test("on any text, parseMdx returns or throws its own ContentError, never another error", () => {
  const yamlish = fc.array(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("title: Bài một", "minutes: 5", "minutes: -1", "prerequisites: [a, b]", "modules:", "  - title: x", "a: &x [*x]", "b: !!js/function 'x'", "? [a]", "- x", '"'),
    ),
    { maxLength: 8 },
  );
  const source = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.tuple(fc.constantFrom("---", "---js", "---json", "---yaml", "--- ", "---\r"), yamlish, fc.string({ maxLength: 40 })).map(([open, lines, body]) => `${open}\n${lines.join("\n")}\n---\n${body}`),
  );
  fc.assert(
    fc.property(source, fc.constantFrom(lessonFrontmatter, courseFrontmatter), (text, schema) => {
      try {
        parseMdx("f.mdx", text, schema as typeof lessonFrontmatter);
      } catch (error) {
        expect(error).toBeInstanceOf(ContentError);
      }
    }),
    { numRuns: 400 },
  );
});

test("YAML aliases that multiply a course's lists are refused by their length, not expanded", () => {
  const lessons = Array.from({ length: 300 }, (_, i) => `"${String(i % 100).padStart(2, "0")}-bai"`).join(", ");
  const copies = Array.from({ length: 299 }, () => "*m").join(", ");
  // 300 modules of 300 lessons from a few KB: each list is longer than a course may have.
  const bomb = `---\ntitle: Khóa bom\nsummary: Một khóa học có danh sách nhân bản\naudience: Cán bộ\npassMark: 80\nmodules: [&m {title: Phần một, lessons: [${lessons}]}, ${copies}]\n---\n\nx\n`;
  expect(() => parseMdx("course.mdx", bomb, courseFrontmatter)).toThrow(ContentError);
});
