import { useEffect, useRef, useState } from "react";
import { Form, useFetcher, useSearchParams } from "react-router";
import type { Preview } from "#app/authoring/preview.server.ts";
import { LessonBody } from "#app/components/mdx/lesson-body.tsx";
import { noActivities } from "#app/components/mdx/lesson-context.tsx";
import { useT } from "#app/i18n/i18n.ts";
import { authorMessages } from "#app/i18n/vi/author.ts";
import "#app/styles/authoring.css";

const previewDelayMs = 600;

/**
 * A plain textarea (light on phones and screen readers) with snippets and a live preview. The snippets
 * come from the lesson components' registry (components/mdx/registry.server.ts), which only the server reads.
 */
export function MdxEditor({ name, source, snippets }: { name: string; source: string; snippets: readonly { label: string; text: string }[] }) {
  const { t } = useT(authorMessages);
  const [searchParams] = useSearchParams();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const preview = useFetcher<Preview>();
  const [text, setText] = useState(source);

  useEffect(() => {
    const timer = setTimeout(() => preview.submit({ name, source: text }, { method: "post", action: "/author/preview" }), previewDelayMs);
    return () => clearTimeout(timer);
  }, [name, text]);

  const insert = (snippet: string) => {
    const area = textarea.current;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end } = area;
    const next = `${text.slice(0, start)}${snippet}${text.slice(end)}`;
    setText(next);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const jumpTo = (line: number, column = 1) => {
    const area = textarea.current;
    if (!area) return;
    const offset = text.split("\n").slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
    area.focus();
    area.setSelectionRange(offset, offset);
  };

  const result = preview.data;
  return (
    <div className="editor">
      <Form method="post" className="editor-source">
        <div className="editor-toolbar" role="toolbar" aria-label={t("author.snippets")}>
          {snippets.map((s) => (
            <button key={s.label} type="button" className="chip" onClick={() => insert(s.text)}>
              {s.label}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="visually-hidden">{t("author.source")}</span>
          <textarea ref={textarea} name="source" value={text} onChange={(e) => setText(e.target.value)} rows={24} spellCheck={false} className="code" />
        </label>
        <div className="editor-actions">
          <button type="submit" className="button">
            {t("author.save")}
          </button>
          {searchParams.get("saved") && text === source ? <span role="status">{t("author.saved")}</span> : null}
        </div>
      </Form>
      <section className="editor-preview" aria-label={t("author.preview")} aria-live="polite">
        <h2>{t("author.preview")}</h2>
        {!result ? <p className="muted">{t("author.previewLoading")}</p> : null}
        {result && !result.ok ? (
          <div role="alert" className="issues">
            <p className="form-error">{t("author.previewInvalid")}</p>
            <ul>
              {result.issues.map((issue, i) => (
                <li key={i}>
                  {issue.line ? (
                    <button type="button" className="link-button" onClick={() => jumpTo(issue.line!, issue.column)}>
                      {t("author.lineColumn", { line: issue.line, column: issue.column ?? 1 })}
                    </button>
                  ) : null}{" "}
                  {issue.messageKey ? t(issue.messageKey) : issue.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {result?.ok ? (
          <article className="lesson">
            <h1>{result.title}</h1>
            <LessonBody
              parts={result.parts}
              activities={{ ...noActivities, preview: true, quiz: result.quiz }}
            />
          </article>
        ) : null}
      </section>
    </div>
  );
}
