import type { Page } from "@playwright/test";
import { demo, expect, signIn, signOut, test, tsx } from "./fixtures.ts";

// A trainer in a commune hall records classes on a cheap phone.
test.use({ viewport: { width: 360, height: 740 } });

const resolutionsTitle = "Nghị quyết 11-NQ/TW, Chỉ thị 21-CT/TW, Chỉ thị 14-CT/TU và Công văn 819";
// The form names the course whose rule lets attending complete it.
const resolutions = { slug: "nghi-quyet-chi-thi-ve-cong-tac-phu-nu", title: resolutionsTitle, option: `${resolutionsTitle} (dự lớp là hoàn thành)` };
const mediation = { slug: "hoa-giai-o-co-so", title: "Hòa giải ở cơ sở", option: "Hòa giải ở cơ sở" };
const unitsOf = (phone: string) => JSON.parse(tsx("tests/e2e/support/units-of.ts", phone)) as { unitId: string; names: string[] };

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

async function recordClass(page: Page, { district, commune, course, attendee, day = "15/03/2025" }: { district: string; commune: string; course: string; attendee: string; day?: string }) {
  await page.goto("/author");
  await page.getByRole("link", { name: "Ghi lớp học trực tiếp" }).click();
  await expect(page.getByRole("heading", { name: "Chọn đơn vị tổ chức lớp" })).toBeVisible();
  await page.getByRole("link", { name: district, exact: true }).click();
  await page.getByRole("link", { name: commune, exact: true }).click();
  await expect(page.getByText(`Đơn vị: ${commune}`)).toBeVisible();
  await fitsThePhone(page);
  await page.getByLabel("Khóa học").selectOption({ label: course });
  await page.getByLabel("Ngày học").fill(day);
  await page.getByLabel("Địa điểm").fill("Hội trường UBND xã");
  // The filter narrows a long roster; the box itself is a plain form field with a tap target of 44 px or more.
  await page.getByLabel("Tìm theo tên").fill("hoc vien thu");
  const box = page.getByRole("checkbox", { name: new RegExp(attendee) });
  const row = page.locator("label.choice", { has: box });
  expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await box.check();
  await page.getByRole("button", { name: "Ghi lớp học" }).click();
  await expect(page.getByRole("status")).toContainText(`Đã ghi lớp học ngày ${day}: 1 người dự`);
}

test("a trainer records classes on a 360 px phone; attending completes only the course whose rule says so", async ({ page, freshLearner }) => {
  const [, district, commune] = unitsOf(freshLearner.login).names;
  const attendee = "Học Viên Thử Nghiệm";

  await signIn(page, demo.trainer.login, demo.trainer.password);
  for (const course of [mediation, resolutions]) await recordClass(page, { district: district!, commune: commune!, course: course.option, attendee });
  await expect(page.getByRole("status")).toContainText("1 người hoàn thành khóa học");
  await signOut(page);

  await signIn(page, freshLearner.login, freshLearner.password);
  await page.goto(`/courses/${resolutions.slug}`);
  await expect(page.getByText(/Đã hoàn thành khóa học ngày/)).toBeVisible();
  await page.goto(`/courses/${mediation.slug}`);
  await expect(page.getByRole("heading", { name: mediation.title, level: 1 })).toBeVisible();
  await expect(page.getByText(/Đã hoàn thành khóa học ngày/)).toHaveCount(0);
  await signOut(page);

  // The province organizer sees the classes of the commune, one level at a time.
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org");
  await page.getByRole("link", { name: "Lớp học trực tiếp" }).click();
  await page.getByRole("link", { name: district!, exact: true }).click();
  await page.getByRole("link", { name: commune!, exact: true }).click();
  await fitsThePhone(page);
  const held = page.getByRole("table", { name: "Các lớp trong đơn vị và cấp dưới, mới nhất trước" });
  await expect(held.getByRole("row").filter({ hasText: "15/03/2025" }).filter({ hasText: resolutions.title }).first()).toBeVisible();
});

test("without JavaScript the attendance list is a plain form that records the class", async ({ browser, freshLearner }) => {
  const { unitId, names } = unitsOf(freshLearner.login);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "vi-VN" });
  const page = await context.newPage();
  await signIn(page, demo.trainer.login, demo.trainer.password, { scripts: false });
  // Her own hamlet branch: a class may be held for one branch too.
  await page.goto(`/classes?unit=${unitId}`);
  await expect(page.getByText(`Đơn vị: ${names.at(-1)}`)).toBeVisible();
  await expect(page.getByLabel("Tìm theo tên")).toHaveCount(0);
  await page.getByLabel("Địa điểm").fill("Nhà văn hóa ấp");
  await page.getByLabel("Ngày học").fill("02/04/2025");
  await page.getByRole("button", { name: "Ghi lớp học" }).click();
  await expect(page.getByText("Đánh dấu ít nhất một người dự, chọn trong danh sách của đơn vị.")).toBeVisible();
  await expect(page.getByLabel("Địa điểm")).toHaveValue("Nhà văn hóa ấp");
  await page.getByRole("checkbox", { name: /Học Viên Thử Nghiệm/ }).check();
  await page.getByRole("button", { name: "Ghi lớp học" }).click();
  await expect(page.getByRole("status")).toContainText("Đã ghi lớp học ngày 02/04/2025: 1 người dự");
  await context.close();
});

test("a trainer corrects a class in her list, then deletes it as recorded by mistake: the completion it gave is withdrawn", async ({ page, freshLearner }) => {
  const [, district, commune] = unitsOf(freshLearner.login).names;
  await signIn(page, demo.trainer.login, demo.trainer.password);
  await recordClass(page, { district: district!, commune: commune!, course: resolutions.option, attendee: "Học Viên Thử Nghiệm", day: "20/03/2025" });
  await expect(page.getByRole("status")).toContainText("1 người hoàn thành khóa học");
  await page.getByRole("link", { name: "Lớp đã ghi" }).click();
  await fitsThePhone(page);
  const row = page.getByRole("row").filter({ hasText: resolutions.title }).filter({ hasText: commune! }).filter({ hasText: "Hội trường UBND xã" });
  await row.getByRole("link", { name: "20/03/2025" }).first().click();
  await expect(page.getByRole("heading", { name: "Sửa lớp học", level: 1 })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Học Viên Thử Nghiệm/ })).toBeChecked();
  await page.getByLabel("Địa điểm").fill("Nhà văn hóa xã");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thay đổi.");
  await expect(page.getByLabel("Địa điểm")).toHaveValue("Nhà văn hóa xã");

  await page.getByRole("button", { name: "Xóa lớp học" }).click();
  await expect(page.getByText("Đánh dấu ô xác nhận nếu chị muốn xóa lớp này.")).toBeVisible();
  await page.getByLabel("Tôi chắc chắn muốn xóa lớp này").check();
  await page.getByRole("button", { name: "Xóa lớp học" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã xóa lớp học.");
  await signOut(page);

  await signIn(page, freshLearner.login, freshLearner.password);
  await page.goto(`/courses/${resolutions.slug}`);
  await expect(page.getByRole("heading", { name: resolutions.title, level: 1 })).toBeVisible();
  await expect(page.getByText(/Đã hoàn thành khóa học ngày/)).toHaveCount(0);
});
