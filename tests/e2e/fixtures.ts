import { execFileSync } from "node:child_process";
import { test as base, expect, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "../../playwright.config.ts";

export const tsx = (script: string, ...args: string[]) =>
  execFileSync("node_modules/.bin/tsx", [script, ...args], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, encoding: "utf8" });

export const demo = {
  learner: { login: "hocvien@lantoa.vn", password: "LanToa@2025" },
  organizer: { login: "tochuc@lantoa.vn", password: "LanToa@2025" },
  districtOrganizer: { login: "0900000004", password: "LanToa@2025" },
  trainer: { login: "giangvien@lantoa.vn", password: "LanToa@2025" },
  admin: { login: "quantri@lantoa.vn", password: "LanToa@2025" },
};

/** `scripts: false` for pages opened with JavaScript disabled, which never hydrate. */
export async function signIn(page: Page, login: string, password: string, { scripts = true } = {}) {
  await page.goto("/login");
  if (scripts) await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByLabel("Số điện thoại hoặc email").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The address of the first link on `path` whose address matches `pattern`. */
export async function firstLink(page: Page, path: string, pattern: RegExp) {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return href!;
}

/** The demo organizer's unit, people and reporting pages, by their links (ids differ from one seed to the next). */
export async function organizerReportingPages(page: Page) {
  const person = await firstLink(page, "/org/people", /^\/org\/people\/[^/?]+$/);
  const unit = await firstLink(page, "/org", /^\/org\/units\/[^/?]+$/);
  // Her province's districts reported until the merger of 2025; a commune's form is a level down.
  const membership = "/org/membership?period=2024-H2";
  const district = await firstLink(page, membership, /^\/org\/membership\?unit=/);
  const membershipEdit = await firstLink(page, district, /^\/org\/membership\/edit\?/);
  return ["/org", unit, "/org/people", person, `${person}/account`, membership, membershipEdit, "/org/models", "/org/required", "/org/audit", "/org/classes"];
}

/** The demo organizer's planning pages: her province planned its 2020–2025 term on the tree of that time. */
export async function organizerPlanningPages(page: Page) {
  const list = await firstLink(page, "/org/planning?term=2020-2025", /^\/org\/planning\/[^/]+\/2020-2025$/);
  const committees = await firstLink(page, "/org/pipeline?term=2020-2025", /^\/org\/planning\/[^/]+\/[^/]+\/committees$/);
  const stage = await firstLink(page, "/org/pipeline", /^\/org\/pipeline\/\w+\?/);
  return ["/org/planning?term=2020-2025", list, "/org/pipeline", stage, committees, "/org/planning/warnings"];
}

/**
 * Marks the open lesson done and waits for the server to record it: the badge shows as soon as the button is pressed,
 * and a page.goto before the answer would abort the post (the next lesson then still locked behind this one).
 */
export async function markLessonDone(page: Page) {
  const lesson = new URL(page.url()).pathname;
  const recorded = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(lesson));
  await page.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  expect((await recorded).ok()).toBe(true);
  await expect(page.getByText("Đã học xong bài này")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Đăng nhập" })).toBeVisible();
}

type CourseKey = {
  lessons: { slug: string; quizzes: number; scenarios: { id: string; path: string[] }[] }[];
  quiz: { id: string; correct: string[]; explanation: string }[];
};

// Loader data sits in a script string of the page, where React Router escapes every quote: a leaked
// field shows as \"correct\" there and as "correct" in a fetch response, so look for both.
const field = (name: string) => new RegExp(`\\\\*"${name}\\\\*"`);
// An explanation's longest stretch without characters that either form could escape.
const plainStretch = (text: string) => text.split(/["'<>&\\]/).reduce((a, b) => (b.length > a.length ? b : a), "").trim().slice(0, 60);

/** Fails when `text` (a page or a response) carries any of the quiz's answer key. */
export function expectNoAnswerKey(text: string, quiz: CourseKey["quiz"], { graded = false } = {}) {
  expect(text).not.toMatch(field("correctChoiceIds"));
  // Graded results say which questions were right in a "correct" field of their own.
  if (!graded) expect(text).not.toMatch(field("correct"));
  for (const question of quiz) expect(text).not.toContain(plainStretch(question.explanation));
}

export const test = base.extend<{ freshLearner: { login: string; password: string }; courseKey: (slug: string) => CourseKey }>({
  // A learner of its own per test, removed afterwards, so tests never share progress.
  freshLearner: async ({}, use) => {
    const phone = `08${String(Date.now()).slice(-8)}`;
    tsx("tests/e2e/support/people.ts", "create", phone);
    await use({ login: phone, password: "MatKhau@123" });
    tsx("tests/e2e/support/people.ts", "delete", phone);
  },
  courseKey: async ({}, use) => {
    await use((slug) => JSON.parse(tsx("tests/e2e/support/course-key.ts", slug)) as CourseKey);
  },
});

export { expect };
