import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
await page.goto("http://127.0.0.1:3193/login");
await page.getByLabel("Số điện thoại hoặc email").fill(process.argv[2] ?? "quantri@lantoa.vn");
await page.getByLabel("Mật khẩu").fill("LanToa@2025");
await page.getByRole("button", { name: "Đăng nhập" }).click();
await page.waitForURL(/courses/);
for (const url of process.argv.slice(3)) {
  const t = Date.now();
  await page.goto(`http://127.0.0.1:3193${url}`);
  const name = url.replace(/[^a-z0-9]+/gi, "-");
  console.log("==", url, Date.now() - t, "ms");
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
  console.log((await page.locator("main").innerText()).slice(0, 1800));
}
await browser.close();
