import { demo, expect, signIn, signOut, test } from "./fixtures.ts";

test("a district organizer sees her district's communes and cadres, and nothing outside it", async ({ page }) => {
  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  await page.getByRole("link", { name: "Theo dõi đơn vị" }).click();
  await expect(page.getByText("Đơn vị: Thị xã Giá Rai và các đơn vị trực thuộc")).toBeVisible();
  const communes = page.locator("table").first();
  await expect(communes.getByRole("link", { name: "Phường Hộ Phòng" })).toBeVisible();
  await expect(communes.getByRole("link", { name: "Xã Phong Thạnh Đông" })).toBeVisible();
  await expect(communes.getByText("Xã Vĩnh Trạch Đông")).toHaveCount(0);
  await expect(communes.locator("tbody tr")).toHaveCount(10);
  await expect(page.locator("table").nth(1).locator("tbody tr").first()).toBeVisible();

  // A unit outside her district is refused even by a hand-made URL.
  await signOut(page);
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org");
  const vinhTrach = await page.getByRole("link", { name: "Xã Vĩnh Trạch Đông" }).getAttribute("href");
  await signOut(page);
  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  const response = await page.goto(vinhTrach!);
  expect(response?.status()).toBe(404);
});

test("the province organizer sees all 64 communes of Bạc Liêu with completion figures", async ({ page }) => {
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org");
  await expect(page.getByText("Đơn vị: Tỉnh Bạc Liêu và các đơn vị trực thuộc")).toBeVisible();
  await expect(page.locator("table").first().locator("tbody tr")).toHaveCount(64);
  await expect(page.getByText(/Hoàn thành \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
  await expect(page.getByText(/Trang 1\/\d+/)).toBeVisible();
});
