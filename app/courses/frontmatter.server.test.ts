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
