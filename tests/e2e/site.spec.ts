import { demo, expect, signIn, signOut, test, tsx } from "./fixtures.ts";

test("unknown addresses get a Vietnamese 404 page", async ({ page }) => {
  const response = await page.goto("/khong-co-trang-nay");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang bạn cần." })).toBeVisible();
  // The build manifest the server reads sits in build/client/.vite, a folder the site does not serve.
  expect((await page.request.get("/.vite/manifest.json")).status()).toBe(404);
});

test("signed-out visitors are sent to sign in and come back afterwards", async ({ page }) => {
  await page.goto("/courses/van-dong-tap-hop-hoi-vien");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Số điện thoại hoặc email").fill(demo.learner.login);
  await page.getByLabel("Mật khẩu").fill(demo.learner.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/courses\/van-dong-tap-hop-hoi-vien$/);
});

test("a wrong password re-renders the form with a translated error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc email").fill(demo.learner.login);
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toHaveText("Số điện thoại/email hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Số điện thoại hoặc email")).toHaveValue(demo.learner.login);
});

test("signing out ends the session", async ({ page, context }) => {
  await signIn(page, demo.learner.login, demo.learner.password);
  const cookie = (await context.cookies()).find((c) => c.name === "lantoa_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  await signOut(page);
  await page.goto("/courses");
  await expect(page).toHaveURL(/\/login/);
  // The old token no longer opens a session even if replayed.
  await context.addCookies([cookie!]);
  await page.goto("/courses");
  await expect(page).toHaveURL(/\/login/);
});

test("the interface switches to English and back, dates staying dd/mm/yyyy", async ({ page }) => {
  await signIn(page, demo.organizer.login, demo.organizer.password);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Courses", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Courses · Lan Tỏa");
  await page.goto("/org");
  await expect(page.getByText(/Completed \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
  await expect(page).toHaveTitle("Learning overview · Lan Tỏa");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { name: "Theo dõi học tập", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Theo dõi học tập · Lan Tỏa");
  await expect(page.getByText(/Hoàn thành \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
});

test("a session used in the second half of its life is renewed on in-app navigation, not only on full pages", async ({ page, context }) => {
  await signIn(page, demo.learner.login, demo.learner.password);
  const token = (await context.cookies()).find((c) => c.name === "lantoa_session")!.value;
  tsx("tests/e2e/support/age-session.ts", token, "10");
  // What the app fetches when moving to the course page: only that route's data, not the root's.
  const response = await page.request.get("/courses/van-dong-tap-hop-hoi-vien.data?_routes=routes%2Flearn%2Fcourse");
  expect(response.status()).toBe(200);
  const renewed = response.headers()["set-cookie"] ?? "";
  expect(renewed).toContain(`lantoa_session=${token}`);
  const expires = new Date(/Expires=([^;]+)/.exec(renewed)![1]!);
  expect(expires.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
});

test("the Vietnamese font comes from this site; a lesson opened first leaves it out, and has it once another page offered it", async ({ page, context }) => {
  await signIn(page, demo.learner.login, demo.learner.password);
  const lesson = "/courses/van-dong-tap-hop-hoi-vien/vi-sao-phai-tap-hop";
  const fonts: string[] = [];
  page.on("request", (request) => {
    if (/\.woff2$|\/font-[\w-]+\.css$/.test(request.url())) fonts.push(new URL(request.url()).pathname);
  });
  const session = (await context.cookies()).filter((c) => c.name !== "lantoa_font");
  await context.clearCookies();
  await context.addCookies(session);
  await page.goto(lesson);
  await page.waitForLoadState("networkidle");
  expect(fonts).toEqual([]);

  await page.goto("/courses");
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', "Tỏa ạ ữ"))).toBe(true);
  expect(fonts.filter((f) => f.endsWith(".woff2")).every((f) => /be-vietnam-pro-(vietnamese|latin)-[47]00-normal/.test(f))).toBe(true);
  await page.goto(lesson);
  await expect(page.locator('head link[rel="stylesheet"][href*="/assets/font-"]')).toHaveCount(1);
});
