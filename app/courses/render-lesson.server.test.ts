import { expect, test } from "vitest";
import { compileMdx } from "./compile.server.ts";
import { ContentError } from "./content-error.ts";

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
