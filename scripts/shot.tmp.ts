import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
await page.goto("http://127.0.0.1:3193/login");
await page.getByLabel("Số điện thoại hoặc email").fill("tochuc@lantoa.vn");
await page.getByLabel("Mật khẩu").fill("LanToa@2025");
await page.getByRole("button", { name: "Đăng nhập" }).click();
await page.waitForURL(/courses/);
for (const [name, url] of [["pipeline-2020", "/org/pipeline?term=2020-2025"], ["warnings", "/org/planning/warnings?term=2020-2025"]] as const) {
  const t = Date.now();
  await page.goto(`http://127.0.0.1:3193${url}`);
  console.log(name, Date.now() - t, "ms");
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
  console.log((await page.locator("main").innerText()).slice(0, 3000));
}
await browser.close();
