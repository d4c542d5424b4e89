import { expect, test } from "vitest";
import { ContentError, formatIssue } from "./content-error.ts";

test("an issue names its file, then its line and column when it has them, then the problem", () => {
  expect(formatIssue({ file: "bai-1.mdx", line: 12, column: 7, message: "thiếu tiêu đề" })).toBe("bai-1.mdx:12:7: thiếu tiêu đề");
  expect(formatIssue({ file: "bai-1.mdx", line: 12, message: "thiếu tiêu đề" })).toBe("bai-1.mdx:12:1: thiếu tiêu đề");
  expect(formatIssue({ file: "course.yml", message: "không đọc được" })).toBe("course.yml: không đọc được");
});

test("a content error lists each of its issues on a line of its own, and keeps them", () => {
  const issues = [
    { file: "bai-1.mdx", line: 3, column: 2, message: "thẻ không được phép" },
    { file: "bai-2.mdx", message: "thiếu tiêu đề" },
  ];
  const error = new ContentError(issues);
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe("ContentError");
  expect(error.message).toBe("bai-1.mdx:3:2: thẻ không được phép\nbai-2.mdx: thiếu tiêu đề");
  expect(error.issues).toBe(issues);
});
