import { demo, expect, signIn, signOut, test, tsx } from "./fixtures.ts";

const password = "MatKhau@123";
const phones: string[] = [];
/** A trainer or learner of the n-th district (learners live in its first commune), removed after the test. */
function account(role: "trainer" | "learner", district: 0 | 1) {
  const phone = `07${String(Date.now() + phones.length).slice(-8)}`;
  phones.push(phone);
  tsx("tests/e2e/support/people.ts", "create-in", phone, role, String(district));
  return phone;
}
// Four accounts made by scripts and eight sign-ins: more than the default minute on a busy machine.
test.beforeEach(() => test.slow());
test.afterEach(() => {
  tsx("tests/e2e/support/people.ts", "delete", ...phones.splice(0));
});

test("a district trainer writes a course that only her district's learners see and another district's trainer cannot open", async ({ page }) => {
  const slug = `khoa-huyen-${Date.now()}`;
  const [trainer, otherTrainer, learner, otherLearner] = [account("trainer", 0), account("trainer", 1), account("learner", 0), account("learner", 1)];

  await signIn(page, trainer, password);
  await page.goto("/author");
  await page.getByLabel("Tên khóa học").fill("Sinh hoạt chi hội ở huyện");
  await page.getByLabel("Mã khóa học (dùng trong đường dẫn)").fill(slug);
  await page.getByRole("button", { name: "Tạo khóa học" }).click();
  await expect(page).toHaveURL(`/author/${slug}`);
  await page.getByRole("button", { name: "Xuất bản phiên bản mới" }).click();
  await expect(page.getByText("Đã xuất bản phiên bản 1.")).toBeVisible();
  await signOut(page);

  await signIn(page, learner, password);
  await page.getByRole("link", { name: "Sinh hoạt chi hội ở huyện" }).click();
  await expect(page.getByRole("heading", { name: "Sinh hoạt chi hội ở huyện" })).toBeVisible();
  await signOut(page);

  await signIn(page, otherLearner, password);
  await expect(page.getByRole("heading", { name: "Khóa học", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sinh hoạt chi hội ở huyện" })).toHaveCount(0);
  expect((await page.goto(`/courses/${slug}`))?.status()).toBe(404);
  await page.goto("/courses");
  await signOut(page);

  await signIn(page, otherTrainer, password);
  await page.goto("/author");
  await expect(page.getByRole("link", { name: "Sinh hoạt chi hội ở huyện" })).toHaveCount(0);
  expect((await page.goto(`/author/${slug}`))?.status()).toBe(404);
  expect((await page.goto(`/author/${slug}/files/01-bai-mo-dau.mdx`))?.status()).toBe(404);
});

test("an organizer requires a course with a due date and a learner of her province sees it as required", async ({ page, freshLearner }) => {
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org/required");
  await expect(page.getByText("Đơn vị: Tỉnh Bạc Liêu và các đơn vị trực thuộc")).toBeVisible();
  // A long course title in the form's select must not widen the page past the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole("combobox", { name: "Khóa học" }).selectOption({ label: "Hòa giải ở cơ sở" });
  await page.getByLabel("Hạn hoàn thành").fill("2031-12-31");
  await page.getByRole("button", { name: "Giao khóa học" }).click();
  const row = page.getByRole("row", { name: /Hòa giải ở cơ sở/ });
  await expect(row).toContainText("31/12/2031");
  await expect(row).toContainText("Mọi cán bộ, hội viên");

  // A date that has passed is refused with a message, and the form keeps what was typed.
  await page.getByLabel("Hạn hoàn thành").fill("2020-01-01");
  await page.getByLabel("Hạn hoàn thành").press("Enter");
  await expect(page.getByText("Hạn hoàn thành không được là một ngày đã qua.")).toBeVisible();
  await expect(page.getByLabel("Hạn hoàn thành")).toHaveValue("2020-01-01");
  await signOut(page);

  await signIn(page, freshLearner.login, freshLearner.password);
  await page.goto("/courses");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Hòa giải ở cơ sở" }) });
  await expect(card.getByText("Bắt buộc · hạn 31/12/2031")).toBeVisible();
  await card.getByRole("link", { name: "Hòa giải ở cơ sở" }).click();
  await expect(page.getByText("Bắt buộc · hạn 31/12/2031")).toBeVisible();
  await signOut(page);

  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org/required");
  await page.getByRole("row", { name: /Hòa giải ở cơ sở/ }).getByRole("button", { name: "Bỏ yêu cầu" }).click();
  await expect(page.getByRole("row", { name: /Hòa giải ở cơ sở/ })).toHaveCount(0);
});
