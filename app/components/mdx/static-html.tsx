import { createContext, useContext } from "react";
import type { PagePart } from "#app/courses/lesson-parts.ts";

/**
 * Pre-rendered lesson HTML reaches the browser once. The server renders it from its registry; the
 * browser reads what the document already shows before hydrating, and fetches the fragments of
 * pages it navigates to (`/lesson-html`), so route data only names them.
 */
export const StaticHtmlContext = createContext<(key: string) => string | undefined>(() => undefined);

const fetched = new Map<string, string>();
export const browserHtml = (key: string) => fetched.get(key);

export function rememberDocumentHtml(document: Document) {
  for (const element of document.querySelectorAll<HTMLElement>("[data-html]")) fetched.set(element.dataset.html!, element.innerHTML);
}

export async function loadHtml(parts: readonly PagePart[] | null | undefined, otherKeys: readonly string[] = []) {
  const keys = [...(parts ?? []).flatMap((p) => ("htmlKey" in p ? [p.htmlKey] : [])), ...otherKeys];
  const missing = keys.filter((key) => !fetched.has(key));
  if (missing.length === 0) return;
  const response = await fetch(`/lesson-html?${new URLSearchParams(missing.map((k) => ["k", k]))}`);
  if (!response.ok) throw new Response(null, { status: response.status });
  for (const [key, html] of Object.entries((await response.json()) as Record<string, string>)) fetched.set(key, html);
}

export function StaticHtml({ htmlKey }: { htmlKey: string }) {
  const html = useContext(StaticHtmlContext)(htmlKey) ?? "";
  return <div data-html={htmlKey} dangerouslySetInnerHTML={{ __html: html }} />;
}
