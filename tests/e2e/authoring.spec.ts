import type { Page } from "@playwright/test";
import { demo, expect, signIn, test } from "./fixtures.ts";

const lesson = (body: string) => `---\ntitle: "Lắng nghe trước khi nói"\nminutes: 5\n---\n\n${body}\n`;

async function createCourse(page: Page, title: string) {
  const slug = `doi-thoai-${Date.now()}`;
  await page.goto("/author");
  await page.getByLabel("Tên khóa học").fill(title);
  await page.getByLabel("Mã khóa học (dùng trong đường dẫn)").fill(slug);
  await page.getByRole("button", { name: "Tạo khóa học" }).click();
  await expect(page).toHaveURL(`/author/${slug}`);
  return slug;
}

async function writeLesson(page: Page, slug: string, source: string) {
  await page.goto(`/author/${slug}/files/01-bai-mo-dau.mdx`);
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByLabel("Nội dung MDX").fill(source);
}

async function saveAndPublish(page: Page, slug: string, version: number) {
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp.")).toBeVisible();
  await page.goto(`/author/${slug}`);
  await page.getByRole("button", { name: "Xuất bản phiên bản mới" }).click();
  await expect(page.getByText(`Đã xuất bản phiên bản ${version}.`)).toBeVisible();
}

test("a trainer writes a lesson, fixes a validation error, publishes, and a learner sees each new version", async ({ page, browser, freshLearner }) => {
  await signIn(page, demo.trainer.login, demo.trainer.password);
  const slug = await createCourse(page, "Đối thoại với chị em");

  await writeLesson(page, slug, lesson("## Mở đầu\n\n<Loa />\n\nNghe chị em nói hết ý."));
  const preview = page.getByRole("region", { name: "Xem trước" });
  await expect(preview.getByText("Dòng 8, cột 1:")).toBeVisible();
  await expect(preview.getByText("thành phần <Loa> không được phép", { exact: false })).toBeVisible();

  await page.getByLabel("Nội dung MDX").fill(lesson('## Mở đầu\n\n<Callout type="tip" title="Ghi nhớ">\n\nNghe chị em nói hết ý, phiên bản một.\n\n</Callout>'));
  await expect(preview.getByText("Nghe chị em nói hết ý, phiên bản một.")).toBeVisible();
  await saveAndPublish(page, slug, 1);

  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, freshLearner.login, freshLearner.password);
  await learner.getByRole("link", { name: "Đối thoại với chị em" }).click();
  await learner.getByRole("link", { name: "Lắng nghe trước khi nói" }).click();
  await expect(learner.getByText("Nghe chị em nói hết ý, phiên bản một.")).toBeVisible();

  await writeLesson(page, slug, lesson("## Mở đầu\n\nHỏi lại cho rõ trước khi trả lời, phiên bản hai."));
  await saveAndPublish(page, slug, 2);
  await learner.reload();
  await expect(learner.getByText("Hỏi lại cho rõ trước khi trả lời, phiên bản hai.")).toBeVisible();
  await expect(learner.getByText("phiên bản một")).toHaveCount(0);
});

test("hostile MDX is refused in the preview and at publishing, and never reaches learners", async ({ page }) => {
  await signIn(page, demo.trainer.login, demo.trainer.password);
  const slug = await createCourse(page, "Khóa học thử bảo mật");
  const hostile = [
    "export const leak = globalThis.process?.env",
    "{process.env.DATABASE_URL}",
    '<img src="x" onError="alert(1)" />',
    "[bấm vào đây](javascript:alert(1))",
    "<script>alert(1)</script>",
  ].join("\n\n");
  await writeLesson(page, slug, lesson(hostile));
  const preview = page.getByRole("region", { name: "Xem trước" });
  await expect(preview.getByText("không được dùng import/export")).toBeVisible();
  await expect(preview.getByText("không được dùng biểu thức JavaScript {…}")).toBeVisible();
  await expect(preview.getByText("thành phần <img> không được phép", { exact: false })).toBeVisible();
  await expect(preview.getByText('đường dẫn "javascript:alert(1)" không được phép', { exact: false })).toBeVisible();
  await expect(preview.getByText("thành phần <script> không được phép", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp.")).toBeVisible();
  await page.goto(`/author/${slug}`);
  await page.getByRole("button", { name: "Xuất bản phiên bản mới" }).click();
  await expect(page.getByText("Bản nháp còn lỗi, chưa thể xuất bản:")).toBeVisible();
  await expect(page.getByText("chưa xuất bản")).toBeVisible();

  await page.goto("/courses");
  await expect(page.getByRole("link", { name: "Khóa học thử bảo mật" })).toHaveCount(0);
  const learnerView = await page.request.get(`/courses/${slug}`);
  expect(learnerView.status()).toBe(404);
});

test("learners cannot open the authoring pages", async ({ page }) => {
  await signIn(page, demo.learner.login, demo.learner.password);
  const response = await page.goto("/author");
  expect(response?.status()).toBe(403);
});

test("the site keeps answering while a draft too complex to compile is previewed, and the draft is refused", async ({ page, request }) => {
  await signIn(page, demo.trainer.login, demo.trainer.password);
  const slug = await createCourse(page, "Khóa học thử độ phức tạp");
  const previewSent = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/author/preview"));
  // Valid Markdown whose emphasis marks take the parser quadratic time: about half a minute on one thread.
  await writeLesson(page, slug, lesson("_*".repeat(30_000)));
  await previewSent;
  // While the server works on the preview, other pages keep coming within a second.
  for (const until = Date.now() + 4_000; Date.now() < until; await page.waitForTimeout(200))
    expect((await request.get("/login", { timeout: 1_000 })).ok()).toBe(true);

  const preview = page.getByRole("region", { name: "Xem trước" });
  await expect(preview.getByText("Bài học quá dài hoặc quá phức tạp để biên dịch", { exact: false })).toBeVisible({ timeout: 15_000 });
});
