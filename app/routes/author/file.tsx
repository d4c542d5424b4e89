import { Link, data, redirect, type ShouldRevalidateFunction } from "react-router";
import { z } from "zod";
import { requirePermission, requireUser } from "#app/auth/auth.server.ts";
import { fileName, requireAuthoredCourse, saveDraftFile } from "#app/authoring/drafts.server.ts";
import { MdxEditor } from "#app/components/authoring/mdx-editor.tsx";
import { editorSnippets } from "#app/components/mdx/registry.server.ts";
import { compileBudget } from "#app/courses/compile.server.ts";
import { db } from "#app/db.server.ts";
import { metaT, pageTitle, useT } from "#app/i18n/i18n.ts";
import { authorMessages } from "#app/i18n/vi/author.ts";
import type { Route } from "./+types/file";
import { authoringLimit } from "#app/http/body-limit.server.ts";
import { readForm } from "#app/http/read-form.server.ts";

async function requireDraftFile({ request, params, context }: Route.LoaderArgs | Route.ActionArgs) {
  const user = requireUser({ request, context });
  requirePermission(user, "course:write");
  const course = await requireAuthoredCourse(db, params.slug, user.roles);
  const source = course.files[params.file];
  if (course.source !== "app" || source === undefined) throw data(null, { status: 404 });
  return { course, source };
}

export async function loader(args: Route.LoaderArgs) {
  const { params } = args;
  const { course, source } = await requireDraftFile(args);
  return { course: { slug: course.slug, title: course.title }, name: params.file, source, snippets: editorSnippets };
}

// An empty file is never meant: a browser that lost the editor's text would otherwise save it over the draft.
const form = z.object({
  source: z
    .string({ error: "author.emptyFile" })
    .max(compileBudget.chars, "author.tooLong")
    .refine((source) => source.trim() !== "", "author.emptyFile"),
});
type FormError = "author.emptyFile" | "author.tooLong";

export async function action(args: Route.ActionArgs) {
  const { request, params } = args;
  const { course } = await requireDraftFile(args);
  if (!fileName.safeParse(params.file).success) throw data(null, { status: 400 });
  const parsed = form.safeParse(Object.fromEntries(await readForm(request, authoringLimit)));
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message as FormError }, { status: 400 });
  await saveDraftFile(db, course.id, params.file, parsed.data.source);
  return redirect(`/author/${course.slug}/files/${params.file}?saved=1`);
}

// Live previews post elsewhere and change nothing this page loaded.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === "/author/preview" ? false : defaultShouldRevalidate;

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [pageTitle(metaT(matches), loaderData?.name, loaderData?.course.title)];

export default function EditFile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT(authorMessages);
  return (
    <div className="editor-page">
      <nav className="breadcrumb">
        <Link to="/author">{t("author.title")}</Link> › <Link to={`/author/${loaderData.course.slug}`}>{loaderData.course.title}</Link>
      </nav>
      <h1>{loaderData.name}</h1>
      {actionData?.error ? <p className="form-error" role="alert">{t(actionData.error)}</p> : null}
      <MdxEditor key={loaderData.name} name={loaderData.name} source={loaderData.source} snippets={loaderData.snippets} />
    </div>
  );
}
