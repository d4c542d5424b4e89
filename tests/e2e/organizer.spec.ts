import { demo, expect, signIn, signOut, test } from "./fixtures.ts";

// The demo's units are the 2019–2025 tree, closed on 1 July 2025: today the report says so, and the
// day before shows the tree as it was.
test("a district organizer drills from her district to a commune, one level at a time, and nothing outside it", async ({ page }) => {
  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  await page.getByRole("link", { name: "Theo dõi đơn vị" }).click();
  await expect(page.getByText("Đơn vị: Thị xã Giá Rai và các đơn vị trực thuộc")).toBeVisible();
  await expect(page.getByText("Thị xã Giá Rai đã kết thúc hoạt động từ ngày 01/07/2025.")).toBeVisible();
  await expect(page.getByText("Các đơn vị kế tục:")).toBeVisible();
  await page.getByRole("link", { name: "Xem báo cáo ngày 30/06/2025" }).click();

  const children = page.locator("table").first();
  const communes = children.locator("tbody tr").filter({ has: page.getByRole("link") });
  await expect(communes).toHaveCount(10);
  // She herself belongs to the district: a row of its own, apart from the communes.
  await expect(children.getByText("Cán bộ tại Thị xã Giá Rai")).toBeVisible();
  await expect(children.getByRole("link", { name: "Xã Phong Thạnh Đông" })).toBeVisible();
  await expect(children.getByText("Xã Vĩnh Trạch Đông")).toHaveCount(0);
  await children.getByRole("link", { name: "Phường Hộ Phòng" }).click();

  const crumbs = page.getByRole("navigation", { name: "Các cấp đơn vị" });
  await expect(crumbs.getByRole("link", { name: "Thị xã Giá Rai" })).toBeVisible();
  await expect(crumbs.getByText("Phường Hộ Phòng")).toBeVisible();
  await expect(page.getByText("Đơn vị: Phường Hộ Phòng và các đơn vị trực thuộc")).toBeVisible();
  await expect(page.locator("table").first().getByRole("link", { name: /^Chi hội Khóm/ }).first()).toBeVisible();
  await expect(page.getByText("Cán bộ tại Phường Hộ Phòng")).toBeVisible();
  await expect(page.locator("table").nth(1).locator("tbody tr").first()).toBeVisible();
  await crumbs.getByRole("link", { name: "Thị xã Giá Rai" }).click();
  await expect(communes).toHaveCount(10);

  // A unit outside her district is not found, even by a hand-made URL.
  await signOut(page);
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org?day=2025-06-30");
  await page.locator("table").first().getByRole("link", { name: "Thành phố Bạc Liêu" }).click();
  const vinhTrach = await page.getByRole("link", { name: "Xã Vĩnh Trạch Đông" }).getAttribute("href");
  await signOut(page);
  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  const response = await page.goto(vinhTrach!);
  expect(response?.status()).toBe(404);
});

test("the province organizer sees Bạc Liêu's 7 districts with their sums, and its cadres page by page", async ({ page }) => {
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org");
  await expect(page.getByText("Đơn vị: Tỉnh Bạc Liêu và các đơn vị trực thuộc")).toBeVisible();
  await expect(page.getByText(/^Ngày \d{2}\/\d{2}\/\d{4}, đơn vị này không có đơn vị trực thuộc\.$/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "kết thúc từ 01/07/2025" })).toHaveCount(7);

  await page.getByLabel("Sơ đồ đơn vị ngày").fill("2025-06-30");
  await page.getByRole("button", { name: "Xem" }).click();
  const districts = page.locator("table").first();
  await expect(districts.locator("tbody tr").filter({ has: page.getByRole("link") })).toHaveCount(7);
  await expect(districts.locator("tfoot")).toContainText("Toàn Tỉnh Bạc Liêu");
  await expect(page.getByText(/Hoàn thành \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
  await expect(page.getByText(/Trang 1\/\d+/)).toBeVisible();
});
