import { demo, expect, signIn, test as base, tsx } from "./fixtures.ts";

// The demo's organizers hold units of the old tree, closed on 1/7/2025; branches are added to today's units.
const test = base.extend<{ communeOrganizer: { login: string; password: string; commune: string; other: string } }>({
  communeOrganizer: async ({}, use) => {
    const phone = `07${String(Date.now()).slice(-8)}`;
    // Phường Giá Rai (since 1/7/2025), in Cà Mau
    const ids = JSON.parse(tsx("tests/e2e/support/unit-organizer.ts", "create", phone, "31942")) as { commune: string; other: string };
    await use({ login: phone, password: "MatKhau@123", ...ids });
    tsx("tests/e2e/support/unit-organizer.ts", "delete", phone);
  },
});

test("an admin adds a commune to Cà Mau and renames it", async ({ page }) => {
  const code = `E2E${String(Date.now()).slice(-6)}`;
  await signIn(page, demo.admin.login, demo.admin.password);
  await page.getByRole("banner").getByRole("link", { name: "Đơn vị", exact: true }).click();
  await page.getByRole("link", { name: "Tỉnh Cà Mau" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tỉnh Cà Mau" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Phường Giá Rai" })).toBeVisible();

  const create = page.locator("form", { has: page.getByRole("button", { name: "Thêm đơn vị" }) });
  await create.getByLabel("Tên đơn vị").fill("X");
  await create.getByLabel("Mã đơn vị").fill(code);
  await create.getByLabel("Cấp").selectOption("commune");
  await create.getByLabel("Loại").selectOption("xa");
  await create.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(create.getByText("Tên đơn vị cần từ 2 đến 120 ký tự.")).toBeVisible();
  await expect(create.getByLabel("Mã đơn vị")).toHaveValue(code);

  await create.getByLabel("Tên đơn vị").fill("Xã Thử Nghiệm");
  await create.getByLabel("Có hiệu lực từ ngày").fill("2026-01-01");
  await create.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thay đổi.");
  await page.getByRole("link", { name: "Xã Thử Nghiệm" }).click();

  const rename = page.locator("form", { has: page.getByRole("button", { name: "Lưu tên mới" }) });
  await rename.getByLabel("Tên đơn vị").fill("Xã Thử Nghiệm Mới");
  await rename.getByRole("button", { name: "Lưu tên mới" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Xã Thử Nghiệm Mới" })).toBeVisible();
  await expect(page.getByText(`Mã đơn vị: ${code}`)).toBeVisible();
});

test("the Giá Rai organizer sees her communes' branches; they closed in 2025, so she adds none there", async ({ page }) => {
  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  await page.getByRole("banner").getByRole("link", { name: "Đơn vị", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thị xã Giá Rai" })).toBeVisible();
  await page.getByRole("link", { name: "Phường Hộ Phòng" }).click();
  await expect(page.getByText("Đã thôi hoạt động từ 01/07/2025").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Phường Giá Rai" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Thêm đơn vị" })).toHaveCount(0);
  expect(await page.getByRole("row").count()).toBeGreaterThan(6);
});

test("a commune organizer adds a branch inside her commune and is refused outside it", async ({ page, communeOrganizer }) => {
  await signIn(page, communeOrganizer.login, communeOrganizer.password);
  await page.getByRole("banner").getByRole("link", { name: "Đơn vị", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Phường Giá Rai" })).toBeVisible();
  // The hamlet branches of the four units it was formed from carried over on 1/7/2025.
  await expect(page.getByText("đang hoạt động, từ 01/07/2025").nth(20)).toBeVisible();

  const create = page.locator("form", { has: page.getByRole("button", { name: "Thêm đơn vị" }) });
  await create.getByLabel("Tên đơn vị").fill("Chi hội phụ nữ nhà trọ");
  await create.getByLabel("Mã đơn vị").fill("GR-NT1");
  await create.getByLabel("Cấp").selectOption("branch");
  await create.getByLabel("Loại").selectOption("phi_dia_ban");
  await create.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thay đổi.");
  await expect(page.getByRole("row", { name: /Chi hội phụ nữ nhà trọ/ })).toContainText("Chi hội phi địa bàn");
  // The commune itself is not hers to rename or close: only what lies inside it.
  await expect(page.getByRole("button", { name: "Lưu tên mới" })).toHaveCount(0);

  const response = await page.goto(`/org/units/${communeOrganizer.other}`);
  expect(response?.status()).toBe(404);
  const post = await page.request.post(`/org/units/${communeOrganizer.other}`, { form: { intent: "create", code: "X1", name: "Chi hội Lạc", level: "branch", kind: "ap" }, maxRedirects: 0 });
  expect(post.status()).toBe(404);
});
