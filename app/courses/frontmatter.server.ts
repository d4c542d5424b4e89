import type matter from "gray-matter";
import type { z } from "zod";
import { ContentError } from "./content-error.ts";
import { parseFrontmatter } from "./safe-matter.server.ts";

export type ParsedMdx<T> = { data: T; body: string; bodyLineOffset: number };

// Splits and validates frontmatter; errors point at the file and the offending field.
export function parseMdx<T>(file: string, source: string, schema: z.ZodType<T>): ParsedMdx<T> {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = parseFrontmatter(source);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    throw new ContentError([
      { file, line: mark ? mark.line + 1 : 1, column: mark ? mark.column + 1 : 1, message: `frontmatter YAML lỗi: ${(error as Error).message.split("\n")[0]}` },
    ]);
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    throw new ContentError(
      result.error.issues.map((issue) => ({
        file,
        line: fieldLine(source, issue.path[0]),
        message: `frontmatter "${issue.path.join(".") || "(gốc)"}": ${issue.message}`,
      })),
    );
  }
  const bodyLineOffset = source.split("\n").length - parsed.content.split("\n").length;
  return { data: result.data, body: parsed.content, bodyLineOffset };
}

function fieldLine(source: string, field: PropertyKey | undefined) {
  if (typeof field !== "string") return 1;
  const index = source.split("\n").findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? 1 : index + 1;
}
