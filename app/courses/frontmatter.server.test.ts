import { expect, test } from "vitest";
import { lessonFrontmatter } from "./course-schema.ts";
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
