import { expect, signIn, test as base, tsx } from "./fixtures.ts";

const test = base.extend<{ organizer: { login: string; password: string; commune: string; woman: string; man: string } }>({
  organizer: async ({}, use) => {
    const phone = `06${String(Date.now()).slice(-8)}`;
    const created = JSON.parse(tsx("tests/e2e/support/pipeline-organizer.ts", "create", phone)) as { commune: string; woman: string; man: string };
    await use({ login: phone, password: "MatKhau@123", ...created });
    tsx("tests/e2e/support/pipeline-organizer.ts", "delete", phone);
  },
});

test("an organizer reads her commune's pipeline, opens a stage's list and records an election outcome", async ({ page, organizer }) => {
  await signIn(page, organizer.login, organizer.password);
  await page.goto("/org/pipeline");
  await expect(page.getByRole("heading", { level: 1, name: "Nguồn cán bộ nữ" })).toBeVisible();
  const planned = page.locator("#pipeline-table").getByRole("row", { name: /^Được quy hoạch/ });
  await expect(planned.getByRole("cell").nth(0)).toHaveText("1");
  await expect(planned.getByRole("cell").nth(1)).toHaveText("1");
  await expect(planned).toContainText(/50,0\s?%/);
  await expect(page.getByRole("img", { name: /Biểu đồ nguồn cán bộ nữ/ })).toBeVisible();
  await expect(page.getByText(/Nữ chiếm 50,0\s?% số người được quy hoạch \(1\/2\)\. Đạt mục tiêu 50\s?%\. Nguồn: Quyết định 2282/)).toBeVisible();

  await planned.getByRole("cell").nth(0).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Được quy hoạch · Nữ" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: organizer.woman })).toBeVisible();
  await expect(page.getByText(organizer.man)).toHaveCount(0);

  await page.getByRole("link", { name: /Nguồn cán bộ nữ/ }).click();
  await page.getByRole("link", { name: "Cấp ủy, ban chấp hành và kết quả bầu" }).click();
  const party = page.getByRole("region", { name: "Ban Chấp hành Đảng bộ" });
  await party.getByRole("textbox", { name: /^Số ủy viên/ }).fill("0");
  await party.getByLabel("Ngày đại hội (hoặc chỉ định)").fill("2025-09-20");
  await party.getByRole("button", { name: "Thêm" }).click();
  await expect(party.getByText("Nhập số ủy viên từ 1 đến 200.")).toBeVisible();
  await party.getByRole("textbox", { name: /^Số ủy viên/ }).fill("9");
  await party.getByRole("button", { name: "Thêm" }).click();
  await expect(party.getByText("0/9 ủy viên · thành lập ngày 20/09/2025")).toBeVisible();

  await party.getByLabel("Người được bầu hoặc chỉ định").selectOption({ label: organizer.woman });
  await party.getByLabel("Chức danh").selectOption({ label: "Phó Bí thư Đảng ủy" });
  await party.getByRole("button", { name: "Ghi nhận" }).click();
  await expect(party.getByRole("rowheader", { name: new RegExp(organizer.woman) })).toBeVisible();
  await expect(party.getByText("1/9 ủy viên · thành lập ngày 20/09/2025")).toBeVisible();

  await page.getByRole("link", { name: /Nguồn cán bộ nữ/ }).click();
  await expect(page.getByText(/Trong số nữ được quy hoạch, 1\/1 \(100,0\s?%\) đã được bầu hoặc chỉ định vào cấp ủy, ban chấp hành của chính đơn vị quy hoạch mình\./)).toBeVisible();
  const elected = page.locator("#pipeline-table").getByRole("row", { name: /^Được bầu, bổ nhiệm/ });
  await expect(elected.getByRole("cell").nth(0)).toHaveText("1");
});
