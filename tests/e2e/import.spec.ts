import { demo, expect, signIn, test } from "./fixtures.ts";
import { cadreFile, upload } from "./import-file.ts";

const good = [
  ["E2E-1", "Thạch Thị Sa Rươl", "Nữ", "15/03/1985", "Khmer", "0388000001", "", "Có", "03/02/2010", "Trung cấp", "Đại học", "31945"],
  ["E2E-2", "Lâm Thị Bích", "Nữ", "1990-07-01", "Kinh", "0388000002", "", "Không", "", "Sơ cấp", "12/12", "31942"],
];

test("an organizer imports cadres from XLSX: sees a broken file's row errors, imports the fixed file, and importing it again changes nothing", async ({ page }) => {
  await signIn(page, demo.organizer.login, demo.organizer.password);

  const broken = [good[0]!, ["E2E-2", "Lâm Thị Bích", "Nữ", "31/02/1990", "Kinh", "12345", "", "", "", "", "", "00000"]];
  await upload(page, await cadreFile("hong.xlsx", broken));
  // The page refreshes itself while the file is checked, then lists each problem by row and column.
  await expect(page.getByText("Tệp có 3 lỗi.", { exact: false })).toBeVisible({ timeout: 30_000 });
  const errors = page.locator("table tbody tr");
  await expect(errors).toHaveCount(3);
  await expect(errors.filter({ hasText: "Ngày sinh" })).toContainText("3");
  await expect(errors.filter({ hasText: "Số điện thoại" })).toContainText("Số điện thoại không hợp lệ");
  await expect(errors.filter({ hasText: "Mã đơn vị" })).toContainText("Không tìm thấy đơn vị có mã “00000”");
  await expect(page.getByRole("button", { name: "Xác nhận nhập" })).toHaveCount(0);

  const fixed = await cadreFile("dung.xlsx", good);
  await upload(page, fixed);
  await expect(page.getByText("Tệp hợp lệ: 2 dòng. Nếu xác nhận: thêm mới 2, cập nhật 0, không đổi 0.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await expect(page.getByText("Đã nhập xong: thêm mới 2, cập nhật 0, không đổi 0.")).toBeVisible({ timeout: 30_000 });

  await upload(page, fixed);
  await expect(page.getByText("Tệp hợp lệ: 2 dòng. Nếu xác nhận: thêm mới 0, cập nhật 0, không đổi 2.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await expect(page.getByText("Không có gì thay đổi: dữ liệu trong tệp đã có sẵn.")).toBeVisible({ timeout: 30_000 });

  const template = page.waitForEvent("download");
  await page.goto("/org/import");
  await page.getByRole("link", { name: "Tải tệp mẫu: Cán bộ" }).click();
  expect((await template).suggestedFilename()).toBe("mau-nhap-can-bo.xlsx");
});

test("an organizer enters a commune's member figures for a period and sees the rate with its formula", async ({ page }) => {
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.goto("/org/membership?period=2019-H1");
  await expect(page.getByTestId("communes-at-target")).toHaveText("28/64 xã, phường, thị trấn đạt từ 50% trở lên.");

  await page.goto("/org/membership?period=2018-H2");
  await page.getByRole("link", { name: "Thị xã Giá Rai" }).click();
  const row = page.getByRole("row", { name: /Phường Hộ Phòng/ });
  await expect(row).toContainText("Chưa có số liệu");
  await row.getByRole("link", { name: "Sửa" }).click();

  await page.getByLabel("Phụ nữ từ 18 tuổi").fill("5.000");
  // Once the field shows its error, the error is part of its label: find it by name.
  const members = page.locator('input[name="members"]');
  await members.fill("-2");
  await page.getByLabel("Kết nạp mới trong kỳ").fill("120");
  await page.getByLabel("Ra khỏi Hội trong kỳ (chuyển đi, qua đời…)").fill("15");
  await page.getByLabel("Hội viên danh dự (không tính vào tỷ lệ)").fill("4");
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(page.getByText("Nhập một số nguyên từ 0 trở lên.")).toBeVisible();
  await expect(page.getByLabel("Phụ nữ từ 18 tuổi")).toHaveValue("5.000");

  await members.fill("2.600");
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(page.getByText("Đã lưu số liệu.")).toBeVisible();
  await expect(page.getByTestId("rate-formula")).toHaveText("Tỷ lệ tập hợp = hội viên ÷ phụ nữ từ 18 tuổi = 2.600 ÷ 5.000 = 52,0%");

  // The commune's page, then its district's, where the commune is a row with its inputs and the target met.
  await page.getByRole("link", { name: "Về bảng tổng hợp" }).click();
  await expect(page.getByTestId("rate-formula")).toHaveText("Tỷ lệ tập hợp = hội viên ÷ phụ nữ từ 18 tuổi = 2.600 ÷ 5.000 = 52,0%");
  await page.getByRole("link", { name: "Lên đơn vị cấp trên" }).click();
  const communeRow = page.getByRole("row", { name: /Phường Hộ Phòng/ });
  await expect(communeRow).toContainText("5.000");
  await expect(communeRow).toContainText("2.600");
  await expect(communeRow).toContainText("52,0%");
  await expect(communeRow).toContainText("Đạt");
});
