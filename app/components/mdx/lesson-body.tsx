import { getMDXComponent } from "mdx-bundler/client";
import type { ComponentType } from "react";
import { mdxComponents } from "./index.ts";
import { LessonContext, type LessonActivityState } from "./lesson-context.tsx";

type MdxComponent = ComponentType<{ components?: typeof mdxComponents }>;

// Evaluating a lesson's code builds a new component; keep one per lesson for the life of the process.
const cache = new Map<string, MdxComponent>();
const cacheLimit = 200;

function mdxComponent(code: string) {
  let component = cache.get(code);
  if (!component) {
    component = getMDXComponent(code) as MdxComponent;
    cache.set(code, component);
    if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
  }
  return component;
}

export function LessonBody({ code, activities }: { code: string; activities: LessonActivityState }) {
  const Content = mdxComponent(code);
  return (
    <LessonContext.Provider value={activities}>
      <div className="prose">
        <Content components={mdxComponents} />
      </div>
    </LessonContext.Provider>
  );
}
