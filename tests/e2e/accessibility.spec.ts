import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demo, expect, firstLink, organizerPlanningPages, organizerReportingPages, signIn, test, tsx } from "./fixtures.ts";
import { cadreFile, upload } from "./import-file.ts";

const slug = "van-dong-tap-hop-hoi-vien";

/**
 * Runs axe (WCAG 2.x A and AA, colour contrast included) on the page as it is and lists what is serious or worse;
 * and, as axe does not ask for them, that every table says what it lists and each header cell what it heads. The
 * page must answer `status`: an error page in place of the one meant would pass unnoticed.
 */
async function expectAccessible(page: Page, path: string, status = 200) {
  expect((await page.goto(path))?.status(), path).toBe(status);
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  const tables = await page.locator("table").evaluateAll((all: HTMLTableElement[]) =>
    all.flatMap((table) => [
      ...(table.caption?.textContent?.trim() ? [] : [`a table without a caption before "${table.textContent?.slice(0, 40)}"`]),
      ...[...table.querySelectorAll("th:not([scope])")].map((th) => `a th without scope: "${th.textContent}"`),
    ]),
  );
  expect(tables, `tables on ${path}`).toEqual([]);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) on ${path}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

test("the sign-in and certificate check pages have no serious accessibility violation", async ({ page }) => {
  for (const path of ["/login", "/verify"]) await expectAccessible(page, path);
  await expectAccessible(page, "/verify/LT-0000-0000", 404);
});

test("a learner's pages have no serious accessibility violation", async ({ page, freshLearner, courseKey }) => {
  test.setTimeout(120_000);
  const lessons = courseKey(slug).lessons;
  const quiz = lessons.find((l) => l.quizzes > 0)!.slug;
  const scenario = lessons.find((l) => l.scenarios.length > 0)!.slug;
  await signIn(page, freshLearner.login, freshLearner.password);
  for (const path of ["/courses", `/courses/${slug}`, `/courses/${slug}/${quiz}`, `/courses/${slug}/${scenario}`, `/courses/${slug}/hieu-phu-nu-trong-ap`])
    await expectAccessible(page, path);
  // A graded quiz: its results and explanations too.
  await page.goto(`/courses/${slug}/${quiz}`);
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  for (const group of await page.locator(".quiz-question fieldset").all()) await group.locator("input").first().check();
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Điểm" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include(".quiz").analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("a certificate's public page has no serious accessibility violation", async ({ page }) => {
  await expectAccessible(page, `/verify/${tsx("tests/e2e/support/people.ts", "certificate")}`);
});

test("the organizer's unit, people and reporting pages have no serious accessibility violation", async ({ page }) => {
  test.setTimeout(360_000); // axe reads every cell of large tables
  await signIn(page, demo.organizer.login, demo.organizer.password);
  for (const path of await organizerReportingPages(page)) await expectAccessible(page, path);
});

test("the organizer's planning and import pages have no serious accessibility violation", async ({ page }) => {
  test.setTimeout(360_000);
  await signIn(page, demo.organizer.login, demo.organizer.password);
  for (const path of await organizerPlanningPages(page)) await expectAccessible(page, path);
  // An import whose file has a problem: the page lists it by row and column.
  await upload(page, await cadreFile("loi.xlsx", [["E2E-A11Y", "Thị Lỗi", "Nữ", "31/02/1990", "Kinh", "", "", "", "", "", "", "31945"]]));
  await expect(page.getByRole("table")).toBeVisible({ timeout: 30_000 });
  for (const path of ["/org/import", new URL(page.url()).pathname]) await expectAccessible(page, path);
});

test("the trainer's and the admin's pages have no serious accessibility violation", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.trainer.login, demo.trainer.password);
  const course = await firstLink(page, "/author", /^\/author\/[a-z0-9-]+$/);
  // The class form of a commune: down the tree from her unit, by the last link to a unit below.
  const below = async (path: string) => {
    await page.goto(path);
    return (await page.locator("a[href^='/classes?unit=']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))).at(-1)!;
  };
  const commune = await below(await below("/classes"));
  for (const path of ["/author", course, `${course}/reflections`, "/classes", commune, "/classes/recorded"]) await expectAccessible(page, path);
  await page.context().clearCookies();
  await signIn(page, demo.admin.login, demo.admin.password);
  for (const path of ["/admin/units", "/admin/planning"]) await expectAccessible(page, path);
});

test("a learner answers a quiz with the keyboard only and hears the result", async ({ page, freshLearner, courseKey }) => {
  const key = courseKey(slug);
  const lesson = key.lessons.find((l) => l.quizzes > 0)!.slug;
  const correct = new Map(key.quiz.map((q) => [`q:${q.id}`, q.correct]));
  await signIn(page, freshLearner.login, freshLearner.password);
  await page.goto(`/courses/${slug}/${lesson}`);
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  const focused = () => page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement;
    return { name: e.name ?? "", value: e.value ?? "", type: e.type ?? "", checked: e.checked, text: e.textContent ?? "" };
  });
  // Tab from the top of the page to the first question, then through every group of choices.
  let at = await focused();
  for (let i = 0; i < 200 && !at.name.startsWith("q:"); i++) (await page.keyboard.press("Tab"), (at = await focused()));
  const answered = new Set<string>();
  while (at.name.startsWith("q:")) {
    const right = correct.get(at.name)!;
    if (at.type === "radio") {
      // Arrow keys move through a group's radios and choose the one they land on.
      await page.keyboard.press("Space");
      for (let i = 0; i < 10 && !right.includes((at = await focused()).value); i++) await page.keyboard.press("ArrowDown");
      expect((await focused()).checked).toBe(true);
    } else if (right.includes(at.value)) await page.keyboard.press("Space");
    answered.add(at.name);
    await page.keyboard.press("Tab");
    at = await focused();
  }
  expect(answered.size).toBe(key.quiz.length);
  expect(at.text).toBe("Nộp bài");
  await page.keyboard.press("Enter");
  // The score is said by a live region, and focus waits there rather than at the top of the page.
  await expect(page.getByRole("status").filter({ hasText: "Điểm: 100%" })).toBeVisible();
  await expect(page.locator(":focus")).toContainText("Điểm: 100%");
});
