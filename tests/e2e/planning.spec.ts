import type { Page } from "@playwright/test";
import { demo, expect, markLessonDone, signIn, signOut, test, tsx } from "./fixtures.ts";

const slug = "nghi-quyet-chi-thi-ve-cong-tac-phu-nu";
const courseTitle = "Nghị quyết 11-NQ/TW, Chỉ thị 21-CT/TW, Chỉ thị 14-CT/TU và Công văn 819";
const cadreName = "Trần Thị Quy Hoạch";
const tag = `07${String(Date.now()).slice(-6)}`;
const organizer = { login: `${tag}00`, password: "MatKhau@123" };
const cadre = { login: `${tag}01`, password: "MatKhau@123" };
let commune: string;

test.beforeAll(() => {
  commune = (JSON.parse(tsx("tests/e2e/support/planning.ts", "create", tag)) as { commune: string }).commune;
});
test.afterAll(() => {
  tsx("tests/e2e/support/planning.ts", "delete", tag);
});

/** Her card on the list, under Phó Bí thư. */
const herCard = (page: Page) => page.getByRole("region", { name: "Phó Bí thư Đảng ủy" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: cadreName }) });

test("a commune organizer plans a woman for Phó Bí thư 2025–2030, sees the warnings and her gap; once she completes the course she is ready; another unit's organizer is refused", async ({ page, courseKey }) => {
  await signIn(page, organizer.login, organizer.password);
  await page.goto("/org");
  await page.getByRole("link", { name: "Quy hoạch cán bộ" }).click();
  await expect(page.getByRole("heading", { name: "Quy hoạch cán bộ", level: 1 })).toBeVisible();
  // The term in force today is chosen; the commune's list has the 9 people of the demo world.
  await expect(page.getByLabel("Nhiệm kỳ")).toHaveValue("2025-2030");
  await expect(page.getByRole("row", { name: /Xã Phong Thạnh/ })).toContainText("9");
  await page.getByRole("link", { name: "Xã Phong Thạnh" }).click();
  await expect(page).toHaveURL(`/org/planning/${commune}/2025-2030`);
  await expect(page.getByRole("heading", { name: "Quy hoạch Xã Phong Thạnh", level: 1 })).toBeVisible();
  await expect(page.locator("html[data-hydrated]")).toBeAttached();

  const add = page.getByRole("region", { name: "Đưa cán bộ vào quy hoạch" });
  await add.getByLabel("Cán bộ").selectOption({ label: cadreName });
  await add.getByLabel("Chức danh").selectOption({ label: "Phó Bí thư Đảng ủy · Ban Thường vụ Đảng ủy" });
  await add.getByRole("button", { name: "Đưa vào quy hoạch" }).click();
  await expect(page.getByRole("status")).toContainText(`Đã đưa ${cadreName} vào quy hoạch (đề xuất).`);
  await expect(page.getByRole("status")).toContainText(/Đã giao 1 khóa học còn thiếu, hạn \d{2}\/\d{2}\/\d{4}\./);

  // The list's warnings, each naming its source: today the rules of Quy định 377-QĐ/TW govern.
  const warnings = page.getByRole("region", { name: "Cảnh báo theo quy định" });
  await expect(warnings).toContainText("Phó Bí thư Đảng ủy: 4 người trong quy hoạch, quá 3 người một chức danh. Nguồn: Quy định 377-QĐ/TW");
  await expect(warnings).toContainText(/Nữ chiếm 20,0\s?% \(2\/10\) danh sách quy hoạch cấp ủy, dưới mức 25\s?%\. Nguồn: Quy định 377-QĐ\/TW/);

  await expect(herCard(page)).toContainText("Sẵn sàng, còn thiếu 1 mục");
  await expect(herCard(page)).toContainText(`Chưa học “${courseTitle}”`);
  await signOut(page);

  // She sees the course required of her, with its date, and completes it as a learner.
  const key = courseKey(slug);
  await signIn(page, cadre.login, cadre.password);
  await page.goto("/courses");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: courseTitle }) })).toContainText(/Bắt buộc · hạn \d{2}\/\d{2}\/\d{4}/);
  for (const lesson of key.lessons) {
    await page.goto(`/courses/${slug}/${lesson.slug}`);
    await expect(page.locator("html[data-hydrated]")).toBeAttached();
    for (const scenario of lesson.scenarios) {
      for (const scene of scenario.path.slice(1)) await page.locator(`[data-to="${scene}"]`).click();
      await expect(page.getByText("Kết thúc tốt")).toBeVisible();
    }
    if (lesson.quizzes > 0) {
      for (const question of key.quiz)
        for (const choice of question.correct) await page.locator(`input[name="q:${question.id}"][value="${choice}"]`).check();
      await page.getByRole("button", { name: "Nộp bài" }).click();
      await expect(page.getByText("Điểm: 100%")).toBeVisible();
    }
    await markLessonDone(page);
  }
  await expect(page.getByText("Chúc mừng! Chị đã hoàn thành khóa học.")).toBeVisible();
  await signOut(page);

  // Her readiness is computed from her training as it is now: nothing else had to run.
  await signIn(page, organizer.login, organizer.password);
  await page.goto(`/org/planning/${commune}/2025-2030`);
  await expect(herCard(page).getByText("Sẵn sàng", { exact: true })).toBeVisible();
  await expect(herCard(page)).not.toContainText("Chưa học");
  await signOut(page);

  // The organizer of Giá Rai (the old tree) is refused the commune's list, as if it did not exist.
  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  const refused = await page.goto(`/org/planning/${commune}/2025-2030`);
  expect(refused?.status()).toBe(404);
});

test.describe("without JavaScript, on a 360 px phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("the organizer approves, and removes only with a reason; the page fits the screen", async ({ page }) => {
    await signIn(page, organizer.login, organizer.password, { scripts: false });
    await page.goto(`/org/planning/${commune}/2025-2030`);
    const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 361).map((e) => `${e.tagName}.${e.className}`).slice(0, 10));
    expect(wide).toEqual([]);

    const card = (name: string) => page.getByRole("region", { name: "Phó Bí thư Đảng ủy" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
    await card(cadreName).getByRole("button", { name: "Phê duyệt" }).click();
    await expect(page.getByRole("status")).toContainText(`Đã phê duyệt ${cadreName}.`);
    await expect(card(cadreName)).toContainText("Đã phê duyệt");

    const other = card("Phạm Văn Phó Ba");
    await other.getByText("Đưa ra khỏi quy hoạch", { exact: true }).first().click();
    await other.getByRole("button", { name: "Đưa ra khỏi quy hoạch" }).click();
    await expect(page.getByRole("alert")).toHaveText("Chưa ghi được: xem các ô báo lỗi.");
    await expect(other.getByText("Ghi lý do (từ 3 đến 500 ký tự).")).toBeVisible();
    await other.getByLabel("Lý do").fill("Chuyển công tác khác");
    await other.getByRole("button", { name: "Đưa ra khỏi quy hoạch" }).click();
    await expect(page.getByRole("status")).toContainText("Đã đưa Phạm Văn Phó Ba ra khỏi quy hoạch.");
    await expect(page.getByRole("region", { name: "Đã đưa ra khỏi quy hoạch" })).toContainText("Phạm Văn Phó Ba — Phó Bí thư Đảng ủy: Chuyển công tác khác");
    // Three people again for Phó Bí thư: that warning is gone.
    await expect(page.getByRole("region", { name: "Cảnh báo theo quy định" })).not.toContainText("Phó Bí thư Đảng ủy:");
  });
});
