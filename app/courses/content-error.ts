import type { authorMessages } from "#app/i18n/vi/author.ts";

/** `message` is Vietnamese (content:check prints it); `messageKey`, when set, translates it on screen. */
export type ContentIssue = { file: string; line?: number; column?: number; message: string; messageKey?: keyof typeof authorMessages };

/** A content problem that names the file, line and field, as authors and `npm run content:check` need. */
export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "ContentError";
  }
}

export function formatIssue(issue: ContentIssue) {
  const where = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  return `${where}: ${issue.message}`;
}
