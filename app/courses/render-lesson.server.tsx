import { getMDXComponent } from "mdx-bundler/client";
import type { MDXComponents } from "mdx/types";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Anchor } from "#app/components/mdx/anchor.tsx";
import { isIslandEntry, lessonComponents, type LessonComponent } from "#app/components/mdx/registry.server.ts";
import type { Island, LessonPart } from "./lesson-parts.ts";

type Recorded = { name: Island["island"]; props: Record<string, unknown> & { children?: ReactNode } };

const markerPattern = /<div data-lantoa-island="(\d+)"><\/div>/g;

/**
 * Renders a compiled lesson to HTML once, on the server: learners' pages then only copy strings,
 * and the browser needs no MDX runtime. Interactive components are cut out as islands with plain
 * props (their inner content pre-rendered too); the rules keep them at the top level of a lesson.
 * What each component becomes is its entry in components/mdx/registry.server.ts.
 */
export function renderLesson(code: string, idPrefix: string): LessonPart[] {
  const recorded: Recorded[] = [];
  const components: MDXComponents = { a: Anchor };
  for (const [name, entry] of Object.entries<LessonComponent>(lessonComponents)) {
    if (isIslandEntry(entry))
      components[name] = function IslandMarker(props: Recorded["props"]) {
        return <div data-lantoa-island={recorded.push({ name: name as Recorded["name"], props }) - 1} />;
      };
    else if (entry.html) components[name] = entry.html as MDXComponents[string];
  }
  let renders = 0;
  // Each render gets its own id prefix so that popover ids never collide on one page.
  const html = (node: ReactNode) => renderToStaticMarkup(<>{node}</>, { identifierPrefix: `${idPrefix}-${renders++}-` });

  const Content = getMDXComponent(code);
  const page = html(<Content components={components} />);
  // The entry of each recorded name builds that island's props; TypeScript cannot pair the two through the union.
  const island = ({ name, props }: Recorded) => ({ island: name, props: lessonComponents[name].island(props, html) }) as Island;

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
