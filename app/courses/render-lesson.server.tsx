import { getMDXComponent } from "mdx-bundler/client";
import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Anchor } from "#app/components/mdx/anchor.tsx";
import { Callout } from "#app/components/mdx/callout.tsx";
import { Cite } from "#app/components/mdx/cite.tsx";
import { Figure } from "#app/components/mdx/figure.tsx";
import { Option, Scene, Step } from "#app/components/mdx/markers.tsx";
import { Term } from "#app/components/mdx/term.tsx";
import type { Island, LessonPart } from "./lesson-parts.ts";

type IslandName = Island["island"];
type Recorded = { name: IslandName; props: Record<string, unknown> & { children?: ReactNode } };

const staticComponents = { a: Anchor, Callout, Cite, Figure, Term, Step, Scene, Option };
const markerPattern = /<div data-lantoa-island="(\d+)"><\/div>/g;

function elementsOf<P>(children: ReactNode, type: unknown) {
  return Children.toArray(children).filter((c): c is ReactElement<P> => isValidElement(c) && c.type === type);
}

/**
 * Renders a compiled lesson to HTML once, on the server: learners' pages then only copy strings,
 * and the browser needs no MDX runtime. Interactive components are cut out as islands with plain
 * props (their inner content pre-rendered too); the rules keep them at the top level of a lesson.
 */
export function renderLesson(code: string, idPrefix: string): LessonPart[] {
  const recorded: Recorded[] = [];
  const record = (name: IslandName) =>
    function IslandMarker(props: Recorded["props"]) {
      return <div data-lantoa-island={recorded.push({ name, props }) - 1} />;
    };
  let renders = 0;
  // Each render gets its own id prefix so that popover ids never collide on one page.
  const html = (node: ReactNode) => renderToStaticMarkup(<>{node}</>, { identifierPrefix: `${idPrefix}-${renders++}-` });

  const Content = getMDXComponent(code);
  const page = html(
    <Content components={{ ...staticComponents, Quiz: record("Quiz"), Scenario: record("Scenario"), Checklist: record("Checklist"), Reflection: record("Reflection") }} />,
  );

  const island = ({ name, props }: Recorded): Island => {
    const text = (key: string) => String(props[key] ?? "");
    switch (name) {
      case "Quiz":
        return { island: name, props: { id: text("id") } };
      case "Reflection":
        return { island: name, props: { id: text("id"), prompt: text("prompt") } };
      case "Checklist":
        return { island: name, props: { id: text("id"), title: text("title"), steps: elementsOf<{ children?: ReactNode }>(props.children, Step).map((s) => html(s.props.children)) } };
      case "Scenario":
        return {
          island: name,
          props: {
            id: text("id"),
            title: text("title"),
            start: text("start"),
            scenes: elementsOf<{ id: string; ending?: string; children?: ReactNode }>(props.children, Scene).map((scene) => ({
              id: scene.props.id,
              ending: scene.props.ending ?? null,
              html: html(Children.toArray(scene.props.children).filter((c) => !(isValidElement(c) && c.type === Option))),
              options: elementsOf<{ to: string; children?: ReactNode }>(scene.props.children, Option).map((o) => ({ to: o.props.to, html: html(o.props.children) })),
            })),
          },
        };
    }
  };

  const parts: LessonPart[] = [];
  const pushHtml = (text: string) => text.trim() && parts.push({ html: text });
  let from = 0;
  for (const match of page.matchAll(markerPattern)) {
    pushHtml(page.slice(from, match.index));
    parts.push(island(recorded[Number(match[1])]!));
    from = match.index + match[0].length;
  }
  pushHtml(page.slice(from));
  return parts;
}
