import { expect, test } from "vitest";
import { compileMdx } from "./compile.server.ts";
import { bundleLesson } from "./compile-bundle.server.ts";
import { ContentError } from "./content-error.ts";
import type { LessonPart } from "./lesson-parts.ts";

const run = () => `Lần chạy ${crypto.randomUUID()}.`;

test("a lesson becomes static HTML with its interactive components as islands in order", async () => {
  const body = `${run()}

## Mở đầu

Một <Term meaning="Vận động quần chúng">dân vận</Term> khéo, xem [bài khác](/courses/a/b).

<Checklist id="buoc" title="Các bước">
  <Step>Đến **từng nhà**</Step>
  <Step>Ghi sổ</Step>
</Checklist>

Đoạn giữa.

<Scenario id="moi" title="Mời chị vào Hội" start="a">
  <Scene id="a">

Chị Diễm đang bận.

    <Option to="b">Hẹn lúc khác</Option>
  </Scene>
  <Scene id="b" ending="good">

Chị **đồng ý**.

  </Scene>
</Scenario>

<Quiz id="kt">
  <Question id="q1" prompt="Đúng không?">
    <Choice correct>Có</Choice>
    <Choice>Không</Choice>
    <Explanation>Giải thích bí mật chỉ hiện sau khi nộp.</Explanation>
  </Question>
</Quiz>
`;
  const { parts } = await compileMdx("bai.mdx", body, 0);
  expect(parts.map((p) => ("html" in p ? "html" : p.island))).toEqual(["html", "Checklist", "html", "Scenario", "Quiz"]);
  const [intro, checklist, , scenario, quiz] = parts;
  expect(intro).toMatchObject({ html: expect.stringContaining("<h2>Mở đầu</h2>") });
  expect((intro as { html: string }).html).toMatch(/<button type="button" class="term-button" popovertarget="([^"]+)">dân vận<\/button><span id="\1" popover="auto"/i);
  expect((intro as { html: string }).html).toContain('<a href="/courses/a/b">bài khác</a>');
  expect(checklist).toEqual({ island: "Checklist", props: { id: "buoc", title: "Các bước", steps: ["Đến <strong>từng nhà</strong>", "Ghi sổ"] } });
  expect(scenario).toMatchObject({
    island: "Scenario",
    props: {
      id: "moi",
      start: "a",
      scenes: [
        { id: "a", ending: null, html: expect.stringContaining("Chị Diễm đang bận."), options: [{ to: "b", html: "Hẹn lúc khác" }] },
        { id: "b", ending: "good", html: expect.stringContaining("<strong>đồng ý</strong>"), options: [] },
      ],
    },
  });
  expect(quiz).toEqual({ island: "Quiz", props: { id: "kt" } });
  expect(JSON.stringify(parts)).not.toContain("bí mật");
});

test("an interactive component nested in another element is refused with its line", async () => {
  const body = `${run()}\n\n<Callout type="tip" title="Lưu ý">\n\n<Reflection id="r" prompt="Vì sao?" />\n\n</Callout>\n`;
  const error = await compileMdx("bai.mdx", body, 2).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContentError);
  expect((error as ContentError).issues).toContainEqual(expect.objectContaining({ line: 7, message: expect.stringContaining("<Reflection> phải đứng riêng") }));
});

// Rendered here, in this thread, without the compile workers and their cache.
const body = `Xem [bài khác](/courses/a/b) và [trang ngoài](https://example.org/x), <Term meaning="Nghĩa một">từ một</Term>.

<Reflection id="r" prompt="Vì sao?" />
<Quiz id="kt">
  <Question id="q1" prompt="Đúng không?">
    <Choice correct>Có</Choice>
    <Choice>Không</Choice>
    <Explanation>Vì vậy.</Explanation>
  </Question>
</Quiz>

Giữa <Term meaning="Nghĩa hai">từ hai</Term>.

<Scenario id="moi" title="Mời" start="a">
  <Scene id="a" ending="good">

Cảnh <Term meaning="Nghĩa ba">từ ba</Term>.

  </Scene>
</Scenario>

Cuối.
`;

async function partsOf(idPrefix: string) {
  const outcome = await bundleLesson(body, idPrefix);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.compiled.parts;
}

const idsIn = (parts: LessonPart[]) => [...JSON.stringify(parts).matchAll(/ id=\\"([^"\\]+)\\"/g)].map((m) => m[1]!);

test("the HTML is cut exactly around each island, with no empty part between two islands; links go through Anchor", async () => {
  const parts = await partsOf("p1");
  const term = (word: string, meaning: string) =>
    `<span class="term"><button type="button" class="term-button" popoverTarget="ID">${word}</button><span id="ID" popover="auto" role="note" class="term-meaning">${meaning}</span></span>`;
  expect(JSON.parse(JSON.stringify(parts).replace(/(popoverTarget|id)=\\"[^"\\]*p1-[^"\\]*\\"/g, '$1=\\"ID\\"'))).toEqual([
    {
      html: `<p>Xem <a href="/courses/a/b">bài khác</a> và <a href="https://example.org/x" target="_blank" rel="noopener noreferrer">trang ngoài</a>, ${term("từ một", "Nghĩa một")}.</p>\n`,
    },
    { island: "Reflection", props: { id: "r", prompt: "Vì sao?" } },
    { island: "Quiz", props: { id: "kt" } },
    { html: `\n<p>Giữa ${term("từ hai", "Nghĩa hai")}.</p>\n` },
    {
      island: "Scenario",
      props: { id: "moi", title: "Mời", start: "a", scenes: [{ id: "a", ending: "good", html: `<p>Cảnh ${term("từ ba", "Nghĩa ba")}.</p>`, options: [] }] },
    },
    { html: "\n<p>Cuối.</p>" },
  ]);
});

test("popover ids carry the lesson's prefix and never collide: not between the page and its islands, nor between two lessons", async () => {
  const first = idsIn(await partsOf("p1"));
  const second = idsIn(await partsOf("p2"));
  expect(first).toHaveLength(3);
  expect(new Set(first).size).toBe(3);
  for (const id of first) expect(id).toContain("p1-");
  for (const id of second) expect(id).toContain("p2-");
  expect(second.filter((id) => first.includes(id))).toEqual([]);
});
