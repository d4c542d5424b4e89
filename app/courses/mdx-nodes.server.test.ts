import { describe, expect, test } from "vitest";
import { bundleLesson } from "./compile-bundle.server.ts";
import { isSafeUrl } from "./mdx-nodes.server.ts";
import { defaultQuizPolicy } from "./quiz-policy.ts";

// Bundled in this thread, as a compile worker bundles it: what the server keeps of a lesson to grade it.
async function activitiesOf(body: string) {
  const outcome = await bundleLesson(body, "t");
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.compiled.activities;
}

async function problemsOf(body: string) {
  const outcome = await bundleLesson(body, "t");
  return outcome.ok ? [] : outcome.problems;
}

describe("a lesson's activities, as the server grades them", () => {
  test("a quiz keeps its policy, questions, answer key and explanations", async () => {
    const activities = await activitiesOf(`Mở đầu.

<Quiz id="kiem-tra" attempts="2" waitMinutes="15" showAnswers="after-last-attempt">
  <Question id="q1" prompt="Một cộng một?">
    <Choice> Ba </Choice>
    <Choice correct> Hai </Choice>
    <Explanation> Đếm trên ngón tay. </Explanation>
    <Explanation>Một và một là hai.</Explanation>
  </Question>
  <Question id="q2" prompt="Các số chẵn?" multiple>
    <Choice correct>Hai</Choice>
    <Choice>Ba</Choice>
    <Choice correct>Bốn</Choice>
    <Explanation>Chia hết cho hai.</Explanation>
  </Question>
</Quiz>
`);
    expect(activities).toEqual({
      quizzes: [
        {
          id: "kiem-tra",
          policy: { attempts: 2, waitMinutes: 15, showAnswers: "after-last-attempt" },
          questions: [
            {
              id: "q1",
              prompt: "Một cộng một?",
              multiple: false,
              choices: [
                { id: "a", text: "Ba", correct: false },
                { id: "b", text: "Hai", correct: true },
              ],
              explanation: "Đếm trên ngón tay. Một và một là hai.",
            },
            {
              id: "q2",
              prompt: "Các số chẵn?",
              multiple: true,
              choices: [
                { id: "a", text: "Hai", correct: true },
                { id: "b", text: "Ba", correct: false },
                { id: "c", text: "Bốn", correct: true },
              ],
              explanation: "Chia hết cho hai.",
            },
          ],
        },
      ],
      scenarios: [],
      reflections: [],
      checklists: [],
      links: [],
    });
  });

  test("a quiz without settings gets the default policy", async () => {
    const [quiz] = (await activitiesOf(`<Quiz id="kt">\n  <Question id="q1" prompt="?">\n    <Choice correct>Có</Choice>\n    <Choice>Không</Choice>\n    <Explanation>Vì.</Explanation>\n  </Question>\n</Quiz>\n`)).quizzes;
    expect(quiz?.policy).toEqual(defaultQuizPolicy);
  });

  test("a policy setting written without a value is reported, not taken as the default", async () => {
    const body = `Mở đầu.\n\n<Quiz id="kt" waitMinutes="5" attempts>\n  <Question id="q1" prompt="?">\n    <Choice correct>Có</Choice>\n    <Choice>Không</Choice>\n    <Explanation>Vì.</Explanation>\n  </Question>\n</Quiz>\n`;
    expect(await problemsOf(body)).toEqual([{ line: 3, column: 1, message: '<Quiz attempts="">: phải là số lần từ 1 đến 100, hoặc "unlimited"' }]);
  });

  test("a scenario, reflections, checklists and the links within the site are recorded", async () => {
    const activities = await activitiesOf(`Xem [bài trước](/courses/a/b), [trang Hội](https://hoilhpn.org.vn) và ![sơ đồ](/images/so-do.svg) [ở đây][cv].

[cv]: /courses/a/c

<Reflection id="suy-ngam" prompt="Vì sao?" />

<Checklist id="cac-buoc" title="Các bước">
  <Step>Một</Step>
</Checklist>

<Scenario id="tham-nha" title="Thăm nhà" start="cong">
  <Scene id="cong">

Chị ra mở cổng.

    <Option to="nghe">Lắng nghe</Option>
    <Option to="noi">Nói ngay</Option>
  </Scene>
  <Scene id="nghe" ending="good">

Tốt.

  </Scene>
  <Scene id="noi" ending="poor">

Chưa tốt.

  </Scene>
</Scenario>
`);
    expect(activities).toEqual({
      quizzes: [],
      scenarios: [
        {
          id: "tham-nha",
          start: "cong",
          scenes: [
            { id: "cong", ending: null, options: ["nghe", "noi"] },
            { id: "nghe", ending: "good", options: [] },
            { id: "noi", ending: "poor", options: [] },
          ],
        },
      ],
      reflections: ["suy-ngam"],
      checklists: ["cac-buoc"],
      links: ["/courses/a/b", "/images/so-do.svg", "/courses/a/c"],
    });
  });
});

test("a link or an image goes to a web page or a page of this site, never to script or data, however the URL is spaced", () => {
  for (const url of ["https://hoilhpn.org.vn", "/courses/a", "#cau-1", "mailto:hoi@example.vn", "bai-2", " https://hoilhpn.org.vn"])
    expect(isSafeUrl(url), url).toBe(true);
  // A browser drops control characters and spaces around a URL, and tabs and newlines anywhere in it.
  for (const url of ["javascript:alert(1)", " javascript:alert(1)", "\tJavaScript:alert(1)", "\u0001javascript:x", "java\tscript:alert(1)", "jav\nascript:x", " data:text/html,x", "//evil.example", " /\\evil.example", "/\t/evil.example", "vbscript:x"])
    expect(isSafeUrl(url), url).toBe(false);
});
