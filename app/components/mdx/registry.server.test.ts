import path from "node:path";
import { createElement, type ReactNode } from "react";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { bundleLesson } from "#app/courses/compile-bundle.server.ts";
import { validateMdx } from "#app/courses/mdx-rules.server.ts";
import { islandModule } from "./island-chunks.server.ts";
import { islandImporters, type IslandName } from "./islands.ts";
import { componentNames, editorSnippets, isIslandEntry, lessonComponent, lessonComponents, type LessonComponent } from "./registry.server.ts";

const entries = Object.entries<LessonComponent>(lessonComponents);
const registryIslands = entries.filter(([, entry]) => isIslandEntry(entry)).map(([name]) => name);

describe("the lesson components' registry", () => {
  test("the browser's islands are the registry's, each in the module its chunk is found by", async () => {
    expect(Object.keys(islandImporters).sort()).toEqual(registryIslands.sort());
    for (const name of Object.keys(islandImporters) as IslandName[]) {
      const module = (await import(path.resolve(islandModule(name)))) as Record<string, unknown>;
      expect(module[name], name).toBe(await islandImporters[name]());
    }
  });

  test("every component an author writes has a snippet that passes the rules; parts name a component as parent", () => {
    for (const [name, entry] of entries) {
      if ("parent" in entry && entry.parent) expect(componentNames, name).toContain(entry.parent);
      else expect(editorSnippets.find((s) => s.label === name)?.text, name).toContain(`<${name}`);
    }
    for (const snippet of editorSnippets) expect(validateMdx(snippet.text), snippet.label).toEqual([]);
  });

  test("a lesson of every snippet renders the registry's islands as islands and the rest as HTML", async () => {
    const outcome = await bundleLesson(editorSnippets.map((s) => s.text).join("\n\n"), "t");
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const islands = outcome.compiled.parts.flatMap((p) => ("island" in p ? [p.island] : []));
    expect(islands.sort()).toEqual(registryIslands.sort());
    const html = outcome.compiled.parts.map((p) => ("html" in p ? p.html : "")).join("");
    expect(html).toContain('class="callout callout-tip"');
    expect(html).toContain('<figure class="figure">');
  });

  test("a new entry is all a component takes: the rules check its props and the renderer draws it", async () => {
    const registry = lessonComponents as Record<string, LessonComponent>;
    registry.Highlight = {
      props: { tone: z.enum(["warm", "cool"], "phải là warm hoặc cool") },
      html: (({ tone, children }: { tone: string; children?: ReactNode }) => createElement("mark", { className: `highlight-${tone}` }, children)) as never,
    };
    try {
      expect(lessonComponent("Highlight")).toBeDefined();
      const outcome = await bundleLesson(`Một <Highlight tone="warm">điểm chính</Highlight>.`, "t");
      expect(outcome).toMatchObject({ ok: true, compiled: { parts: [{ html: expect.stringContaining('<mark class="highlight-warm">điểm chính</mark>') }] } });
      expect(validateMdx(`<Highlight tone="hot">chữ</Highlight>`).map((p) => p.message)).toEqual(['<Highlight tone="hot">: phải là warm hoặc cool']);
      expect(validateMdx(`<Highlight tone="cool" colour="red">chữ</Highlight>`).map((p) => p.message)).toEqual(['<Highlight>: thuộc tính "colour" không được phép']);
    } finally {
      delete registry.Highlight;
    }
    expect(validateMdx(`<Highlight tone="warm">chữ</Highlight>`)[0]?.message).toMatch(/<Highlight> không được phép/);
  });
});
