import { expect, signIn, signOut, test, tsx } from "./fixtures.ts";

// Everything a learner does, by plain links and forms: no page here ever runs a script.
test.use({ javaScriptEnabled: false });

const slug = "van-dong-tap-hop-hoi-vien";

test("a learner completes a whole course without JavaScript: scenarios, checklists, reflections, the quiz, and her certificate", async ({ page, freshLearner, courseKey }) => {
  const course = "hoa-giai-o-co-so";
  const key = courseKey(course);
  await signIn(page, freshLearner.login, freshLearner.password, { scripts: false });
  for (const [index, lesson] of key.lessons.entries()) {
    await page.goto(`/courses/${course}/${lesson.slug}`);
    for (const [n, scenario] of lesson.scenarios.entries()) {
      for (const scene of scenario.path.slice(1)) await page.locator(`[data-to="${scene}"]`).click();
      // "Chị đã đi đến một kết thúc của tình huống này."
      await expect(page.locator(".scenario .badge-done")).toHaveCount(n + 1);
    }
    for (const [n, checklist] of (await page.locator(".checklist").all()).entries()) {
      for (const box of await checklist.getByRole("checkbox").all()) await box.check();
      await checklist.getByRole("button", { name: "Lưu các bước đã làm" }).click();
      await expect(page.locator(".checklist").nth(n).getByRole("checkbox").first()).toBeChecked();
    }
    for (const [n, reflection] of (await page.locator(".reflection").all()).entries()) {
      await reflection.getByRole("textbox").fill(`Suy nghĩ ${n + 1} của chị về bài ${index + 1}.`);
      await reflection.getByRole("button", { name: "Lưu câu trả lời" }).click();
      await expect(page.locator(".reflection").nth(n).getByRole("textbox")).toHaveValue(`Suy nghĩ ${n + 1} của chị về bài ${index + 1}.`);
    }
    if (lesson.quizzes > 0) {
      for (const question of key.quiz)
        for (const choice of question.correct) await page.locator(`input[name="q:${question.id}"][value="${choice}"]`).check();
      await page.getByRole("button", { name: "Nộp bài" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Điểm: 100%" })).toBeVisible();
    }
    await page.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
    await expect(page.getByText("Đã học xong bài này")).toBeVisible();
    if (index === key.lessons.length - 1) await expect(page.getByText("Chúc mừng! Chị đã hoàn thành khóa học.")).toBeVisible();
  }
  expect(tsx("tests/e2e/support/people.ts", "scenario-runs", freshLearner.login, key.lessons.flatMap((l) => l.scenarios)[0]!.id)).toBe("1");

  await page.goto(`/courses/${course}`);
  await expect(page.getByText(/Đã hoàn thành khóa học ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  const code = (await page.getByText(/Mã chứng nhận: LT-/).textContent())!.match(/LT-\w{4}-\w{4}/)![0];
  await signOut(page);
  await page.goto("/verify");
  await page.getByLabel("Mã chứng nhận").fill(code);
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(page).toHaveURL(`/verify/${code}`);
  await expect(page.getByText("Giấy chứng nhận hợp lệ")).toBeVisible();
});

test("a learner plays a scenario to its ending, which is recorded once, and marks the lesson done", async ({ page, freshLearner, courseKey }) => {
  const lesson = courseKey(slug).lessons.find((l) => l.scenarios.length > 0)!;
  const scenario = lesson.scenarios[0]!;
  await signIn(page, freshLearner.login, freshLearner.password, { scripts: false });
  await page.goto(`/courses/${slug}/${lesson.slug}`);
  for (const scene of scenario.path.slice(1)) await page.locator(`[data-to="${scene}"]`).click();
  await expect(page.getByText("Kết thúc tốt")).toBeVisible();
  await expect(page.getByText("Chị đã đi đến một kết thúc của tình huống này.")).toBeVisible();
  // Opening the ending's address again shows it without recording a second run.
  await page.goto(page.url());
  await expect(page.getByText("Kết thúc tốt")).toBeVisible();
  await page.getByRole("link", { name: "Chơi lại từ đầu" }).click();
  await expect(page.locator(`[data-to="${scenario.path[1]}"]`)).toBeVisible();
  await page.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  await expect(page.getByText("Đã học xong bài này")).toBeVisible();
  expect(tsx("tests/e2e/support/people.ts", "scenario-runs", freshLearner.login, scenario.id)).toBe("1");
});

test("a learner ticks a checklist and saves it; the ticks are there when she comes back", async ({ page, freshLearner }) => {
  await signIn(page, freshLearner.login, freshLearner.password, { scripts: false });
  await page.goto(`/courses/${slug}/hieu-phu-nu-trong-ap`);
  const checklist = page.getByRole("region", { name: "Các bước một lần thăm hộ" });
  await checklist.getByRole("checkbox").nth(0).check();
  await checklist.getByRole("checkbox").nth(2).check();
  await checklist.getByRole("button", { name: "Lưu các bước đã làm" }).click();
  await page.goto(`/courses/${slug}/hieu-phu-nu-trong-ap`);
  await expect(checklist.getByRole("checkbox").nth(0)).toBeChecked();
  await expect(checklist.getByRole("checkbox").nth(1)).not.toBeChecked();
  await expect(checklist.getByRole("checkbox").nth(2)).toBeChecked();
});
