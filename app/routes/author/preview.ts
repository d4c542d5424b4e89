import { data } from "react-router";
import { z } from "zod";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { fileName } from "#app/authoring/drafts.server.ts";
import { compileBudget } from "#app/courses/compile.server.ts";
import { previewFile } from "#app/authoring/preview.server.ts";
import type { Route } from "./+types/preview";
import { authoringLimit } from "#app/http/body-limit.server.ts";
import { readForm } from "#app/http/read-form.server.ts";

const form = z.object({ name: fileName, source: z.string().max(compileBudget.chars) });

// The editor's live preview: compiles the draft under the publishing rules and returns code or issues.
export async function action({ request, context }: Route.ActionArgs) {
  requirePermission(requireUser({ request, context }), "course:write");
  const parsed = form.safeParse(Object.fromEntries(await readForm(request, authoringLimit)));
  if (!parsed.success) return data({ ok: false as const, issues: [{ file: "", message: "Yêu cầu không hợp lệ" }] }, { status: 400 });
  return previewFile(parsed.data.name, parsed.data.source);
}
