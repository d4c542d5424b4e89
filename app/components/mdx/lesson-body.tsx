import { Component, Suspense, useContext, type ComponentType, type MouseEvent, type ReactNode } from "react";
import { preloadModule } from "react-dom";
import { useNavigate } from "react-router";
import { useT } from "#app/i18n/i18n.ts";
import type { Island, PagePart } from "#app/courses/lesson-parts.ts";
import { IslandChunksContext, readIsland } from "./islands.ts";
import { LessonContext, noActivities, type LessonActivityState } from "./lesson-context.tsx";
import { StaticHtml } from "./static-html.tsx";

function IslandView({ part }: { part: Island }) {
  const chunk = useContext(IslandChunksContext)(part.island);
  if (chunk) preloadModule(chunk);
  // Each island name comes with its component's props; TypeScript cannot follow that pairing through the union.
  const Component = readIsland(part.island) as ComponentType<Island["props"]>;
  return <Component {...part.props} />;
}

/** An island whose code could not be downloaded gives way to a notice; the rest of the lesson stays. */
class IslandBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <IslandFailed /> : this.props.children;
  }
}

function IslandFailed() {
  const { t } = useT();
  return (
    <p role="alert" className="callout callout-warning">
      {t("lesson.islandFailed")}
    </p>
  );
}

export function LessonBody({ parts, activities = noActivities }: { parts: PagePart[]; activities?: LessonActivityState }) {
  const navigate = useNavigate();
  // Links inside the pre-rendered HTML are plain anchors: route this site's pages without a reload.
  const followInternalLink = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest("a");
    const href = link?.getAttribute("href");
    if (!href?.startsWith("/") || link?.target || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <LessonContext.Provider value={activities}>
      <div className="prose" onClick={followInternalLink}>
        {parts.map((part, index) =>
          "htmlKey" in part ? (
            <StaticHtml key={index} htmlKey={part.htmlKey} />
          ) : "html" in part ? (
            <div key={index} dangerouslySetInnerHTML={{ __html: part.html }} />
          ) : (
            // data-island: entry.client loads these before hydrating. Suspense: for the author's preview.
            <div key={index} data-island={part.island}>
              <IslandBoundary>
                <Suspense>
                  <IslandView part={part} />
                </Suspense>
              </IslandBoundary>
            </div>
          ),
        )}
      </div>
    </LessonContext.Provider>
  );
}
