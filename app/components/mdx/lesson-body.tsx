import { getMDXComponent } from "mdx-bundler/client";
import { useMemo } from "react";
import { mdxComponents } from "./index.ts";
import { LessonContext, type LessonActivityState } from "./lesson-context.tsx";

export function LessonBody({ code, activities }: { code: string; activities: LessonActivityState }) {
  const Content = useMemo(() => getMDXComponent(code), [code]);
  return (
    <LessonContext.Provider value={activities}>
      <div className="prose">
        <Content components={mdxComponents} />
      </div>
    </LessonContext.Provider>
  );
}
