import type { Page } from "@playwright/test";
import { demo, expect, firstLink, organizerPlanningPages, organizerReportingPages, signIn, test } from "./fixtures.ts";

const slug = "van-dong-tap-hop-hoi-vien";
const MIN = 44;

test.use({ viewport: { width: 360, height: 740 } });

/**
 * Every visible link, button and field of the page that is smaller than 44 × 44 CSS px. A checkbox or
 * radio inside its label is measured by the label, which is what a finger hits. A link or a term's
 * button in running text (a sentence with words around it) is exempt, as WCAG 2.5.8 allows.
 */
function smallTargets(page: Page) {
  return page.evaluate((min) => {
    const targets = document.querySelectorAll<HTMLElement>("a[href], button, input:not([type=hidden]), select, textarea, summary");
    const small: string[] = [];
    for (const element of targets) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const target = element.closest("label") ?? element;
      const box = target.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) continue; // visually hidden: the skip link until focused
      if (box.right < 0 || box.bottom < 0) continue;
      if (getComputedStyle(element).display.startsWith("inline")) {
        const block = element.closest("p, .prose li, blockquote");
        const text = (block?.textContent ?? "").replace(/\s+/g, " ").trim();
        const own = (element.textContent ?? "").replace(/\s+/g, " ").trim();
        if (block && text.length > own.length + 3) continue;
      }
      if (box.width < min || box.height < min)
        small.push(`${target.tagName.toLowerCase()}${target.className ? `.${String(target.className).split(" ").join(".")}` : ""} "${(element.textContent || element.getAttribute("aria-label") || (element as HTMLInputElement).name || "").trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  }, MIN);
}

/** Opens each page as it is once hydrated and lists its small targets, every page's before the test fails. */
async function expectLargeTargets(page: Page, paths: string[]) {
  for (const path of paths) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.locator("html[data-hydrated]")).toBeAttached();
    expect.soft(await smallTargets(page), path).toEqual([]);
  }
}

test("on a 360 px phone every link, button and field of the learner's pages is at least 44 px high and wide", async ({ page, freshLearner, courseKey }) => {
  const lessons = courseKey(slug).lessons;
  const quiz = lessons.find((l) => l.quizzes > 0)!.slug;
  const scenario = lessons.find((l) => l.scenarios.length > 0)!.slug;
  await page.goto("/login");
  expect(await smallTargets(page), "/login").toEqual([]);
  await signIn(page, freshLearner.login, freshLearner.password);
  await expectLargeTargets(page, ["/courses", `/courses/${slug}`, `/courses/${slug}/${lessons[0]!.slug}`, `/courses/${slug}/${quiz}`, `/courses/${slug}/${scenario}`, `/courses/${slug}/hieu-phu-nu-trong-ap`, "/verify"]);
});

test("on a 360 px phone every link, button and field of the organizer's, the trainer's and the admin's main pages is at least 44 px high and wide", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await expectLargeTargets(page, await organizerReportingPages(page));
  await expectLargeTargets(page, [...(await organizerPlanningPages(page)), "/org/import"]);
  await page.context().clearCookies();
  await signIn(page, demo.trainer.login, demo.trainer.password);
  const course = await firstLink(page, "/author", /^\/author\/[a-z0-9-]+$/);
  await expectLargeTargets(page, ["/author", course, `${course}/reflections`, "/classes", "/classes/recorded"]);
  await page.context().clearCookies();
  await signIn(page, demo.admin.login, demo.admin.password);
  await expectLargeTargets(page, ["/admin/units", "/admin/planning"]);
});
