import { demo, expect, signIn, signOut, test } from "./fixtures.ts";

test("a district organizer opens an account for a cadre, resets it, the cadre must change it, then is suspended; the log shows it all", async ({ page }) => {
  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  await page.getByRole("link", { name: "Cán bộ", exact: true }).click();
  await expect(page.getByText("Đơn vị: Thị xã Giá Rai và các đơn vị trực thuộc")).toBeVisible();
  const cadreLink = page.locator("tbody th a").filter({ hasNotText: "Phạm Thị Thu" }).first();
  const name = (await cadreLink.textContent())!;
  await cadreLink.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("link", { name: "Tài khoản và vai trò" }).click();
  await expect(page.getByText("Chưa có tài khoản đăng nhập.")).toBeVisible();
  const login = (await page.getByText(/^Đăng nhập bằng: /).textContent())!.replace("Đăng nhập bằng: ", "");

  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveText(/^\w{4}-\w{4}-\w{4}$/);
  await page.getByLabel("Mật khẩu tạm thời").fill("TamThoi@2025");
  await page.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveText("TamThoi@2025");
  const accountPage = page.url();
  await page.reload();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await signOut(page);

  await signIn(page, login, "TamThoi@2025");
  await expect(page).toHaveURL(/\/account\/password/);
  await page.goto("/courses");
  await expect(page).toHaveURL(/\/account\/password/);
  await expect(page.getByText("Bạn đang dùng mật khẩu tạm thời.")).toBeVisible();
  await page.getByLabel("Mật khẩu hiện tại").fill("TamThoi@2025");
  await page.locator("input[name=next]").fill("CuaToi@2025");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("CuaToi@2025");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await signOut(page);

  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  await page.goto(accountPage);
  await page.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect(page.getByText(/Tài khoản đã bị khóa từ/)).toBeVisible();
  await signOut(page);

  await page.goto("/login");
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByLabel("Số điện thoại hoặc email").fill(login);
  await page.getByLabel("Mật khẩu").fill("CuaToi@2025");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText("Tài khoản này đã bị tạm khóa");

  await signIn(page, demo.districtOrganizer.login, demo.districtOrganizer.password);
  await page.goto("/org/audit");
  const log = page.locator("tbody");
  for (const action of ["Tạo tài khoản", "Đặt lại mật khẩu", "Tự đổi mật khẩu", "Khóa tài khoản"]) await expect(log.getByRole("rowheader", { name: action })).toBeVisible();
  await expect(log.locator("tr").first()).toContainText("Khóa tài khoản");
  await expect(log.locator("tr").first()).toContainText("Phạm Thị Thu");
});
