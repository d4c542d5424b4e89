import { demo, expect, signIn, signOut, test, tsx } from "./fixtures.ts";

const slug = "van-dong-tap-hop-hoi-vien";
const lesson = (name: string) => `/courses/${slug}/${name}`;

test.use({ serviceWorkers: "allow" });

type Steps = { lessonsDone: string[]; quizAttempts: number; responses: { kind: string; activityId: string; value: string }[]; keysByIntent: Record<string, number> };
const stepsOf = (phone: string) => JSON.parse(tsx("tests/e2e/support/offline-steps.ts", phone)) as Steps;

test("a learner downloads a course, studies it offline with and without JavaScript, and each step reaches the server once", async ({ page, context, freshLearner, courseKey }) => {
  test.setTimeout(180_000);
  const key = courseKey(slug);
  await signIn(page, freshLearner.login, freshLearner.password);

  // The app can be installed: its manifest names it, with icons Chromium accepts.
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Lan Tỏa", start_url: "/courses", display: "standalone", theme_color: "#b0245a" });
  for (const icon of manifest.icons as { src: string }[]) expect((await page.request.get(icon.src)).headers()["content-type"]).toBe("image/png");

  await page.goto(`/courses/${slug}`);
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByRole("button", { name: "Tải khóa học về máy" }).click();
  await expect(page.getByText(/Đã tải về máy: [\d,]+ MB/)).toBeVisible({ timeout: 60_000 });
  // The download waits until the worker, installed by the course page, serves the open page too.
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  // Chromium's own verdict on installing the app from this page: nothing against it but the test browser's
  // profile, which is incognito (a manifest or icon it disliked would be listed here).
  const { installabilityErrors } = await (await context.newCDPSession(page)).send("Page.getInstallabilityErrors");
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(["in-incognito"]);

  await context.setOffline(true);
  // Offline for real, the service worker's own requests included: nothing the learner does reaches the server yet.
  expect(await page.evaluate(() => fetch("/offline/me").then(() => "online", () => "offline"))).toBe("offline");

  // A downloaded lesson opens by typing its address; with JavaScript, her reflection and "done" wait on the phone.
  await page.goto(lesson("vi-sao-phai-tap-hop"));
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByRole("textbox").fill("Ấp em có 120 chị, 80 hội viên.");
  await page.getByRole("button", { name: "Lưu câu trả lời" }).click();
  await expect(page.getByText("Đã lưu trên máy, chờ đồng bộ.")).toBeVisible();
  await page.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  await expect(page.getByText("Đã học xong bài này")).toBeVisible();
  await expect(page.locator("#sync-banner")).toHaveText("2 thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.");

  // By link, inside the app: the next lesson's data and fragments come from the download.
  await page.getByRole("link", { name: /Bài tiếp theo: Hiểu phụ nữ trong ấp/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hiểu phụ nữ trong ấp: đi từng nhà, nghe từng người" })).toBeVisible();
  await page.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  await expect(page.locator("#sync-banner")).toHaveText("3 thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.");

  // The final quiz, answered offline: graded when it reaches the server.
  await page.goto(lesson("kiem-tra-cuoi-khoa"));
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  for (const question of key.quiz) for (const choice of question.correct) await page.locator(`input[name="q:${question.id}"][value="${choice}"]`).check();
  await page.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByText("Đã lưu trên máy, chờ đồng bộ.")).toBeVisible();
  // Submitted, as online: it cannot be sent a second time while it waits.
  await expect(page.getByRole("button", { name: "Nộp bài" })).toHaveCount(0);
  await expect(page.locator("#sync-banner")).toHaveText("4 thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.");

  // Without JavaScript: a plain form post is queued by the service worker, which shows the downloaded page again.
  const plain = await context.newPage();
  const cdp = await context.newCDPSession(plain);
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
  await plain.goto(lesson("hoi-trong-mat-tran-to-quoc"));
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText(/Hội trong Mặt trận Tổ quốc/);
  await plain.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  await expect(plain).toHaveURL(lesson("hoi-trong-mat-tran-to-quoc"));
  await expect(plain.locator("#sync-banner")).toHaveText("5 thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.");
  // Sending the same form again (back, then resend) is the same submission, by its key: still five.
  await plain.goBack();
  await plain.getByRole("button", { name: "Đánh dấu đã học xong" }).click();
  await expect(plain.locator("#sync-banner")).toHaveText("5 thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.");
  await plain.close();

  expect(stepsOf(freshLearner.login)).toEqual({ lessonsDone: [], quizAttempts: 0, responses: [], keysByIntent: {} });

  // The connection returns: the queue is sent and the banner goes.
  await context.setOffline(false);
  await expect(page.locator("#sync-banner")).toHaveCount(0, { timeout: 30_000 });
  expect(stepsOf(freshLearner.login)).toEqual({
    lessonsDone: ["hieu-phu-nu-trong-ap", "hoi-trong-mat-tran-to-quoc", "vi-sao-phai-tap-hop"],
    quizAttempts: 1,
    responses: [{ kind: "reflection", activityId: "ty-le-ap-minh", value: "Ấp em có 120 chị, 80 hội viên." }],
    keysByIntent: { done: 3, quiz: 1, reflection: 1 },
  });

  // Sent once: a later flush (another page load) sends nothing again.
  await page.goto(`/courses/${slug}`);
  await expect(page.getByText("Đã xong 3/8 bài")).toBeVisible();
  expect(stepsOf(freshLearner.login).quizAttempts).toBe(1);
});

test("a trainer keeps her unit's class form on the phone, records two classes offline, and each reaches the server once", async ({ page, context, freshLearner }) => {
  test.setTimeout(120_000);
  const { unitId } = JSON.parse(tsx("tests/e2e/support/units-of.ts", freshLearner.login)) as { unitId: string };
  const places = [`Nhà văn hóa ấp ${freshLearner.login}`, `Nhà chị Tư, ấp ${freshLearner.login}`];
  const classesAt = (place: string) => JSON.parse(tsx("tests/e2e/support/classes-at.ts", place)) as { unitId: string; attendees: string[] }[];
  await signIn(page, demo.trainer.login, demo.trainer.password);
  await page.goto(`/classes?unit=${unitId}`);
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByRole("button", { name: "Lưu biểu mẫu để dùng khi mất mạng" }).click();
  await expect(page.getByText(/Đã lưu biểu mẫu trên máy, cập nhật lúc/)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

  await context.setOffline(true);
  await page.goto(`/classes?unit=${unitId}`);
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  for (const [i, place] of places.entries()) {
    await page.getByLabel("Ngày học").fill("10/06/2025");
    await page.getByLabel("Địa điểm").fill(place);
    await page.getByRole("checkbox", { name: /Học Viên Thử Nghiệm/ }).check();
    await page.getByRole("button", { name: "Ghi lớp học" }).click();
    await expect(page.getByText("Đã lưu trên máy, chờ đồng bộ: lớp học sẽ tự gửi đi khi có mạng.")).toBeVisible();
    // Each class is a submission of its own: the form comes back blank for the next one.
    await expect(page.getByLabel("Địa điểm")).toHaveValue("");
    await expect(page.locator("#sync-banner")).toHaveText(`${i + 1} thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.`);
  }
  expect(places.map(classesAt)).toEqual([[], []]);

  await context.setOffline(false);
  await expect(page.locator("#sync-banner")).toHaveCount(0, { timeout: 30_000 });
  for (const place of places) expect(classesAt(place)).toEqual([{ unitId, attendees: ["Học Viên Thử Nghiệm"] }]);
  // Signing out takes the stored form, roster and all, off the phone.
  await signOut(page);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("lantoa-form:")))).toEqual([]);
});

test("a course page the worker does not serve (opened by a forced reload) is served before the download: offline, its links open the copy", async ({ page, context, freshLearner }) => {
  test.setTimeout(120_000);
  await signIn(page, freshLearner.login, freshLearner.password);
  // The catalog or the course page installs the worker. A page opened while it was activating may be left out of its
  // claim, so the course page is opened again once it is active: served by it. A forced reload then opens it unserved,
  // and an active worker does not claim pages again by itself.
  await page.goto(`/courses/${slug}`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30_000 });
  await (await context.newCDPSession(page)).send("Page.reload", { ignoreCache: true });
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  await page.getByRole("button", { name: "Tải khóa học về máy" }).click();
  await expect(page.getByText(/Đã tải về máy: [\d,]+ MB/)).toBeVisible({ timeout: 60_000 });
  await context.setOffline(true);
  await page.locator(`a[href="${lesson("vi-sao-phai-tap-hop")}"]`).first().click();
  await expect(page.getByRole("button", { name: "Đánh dấu đã học xong" })).toBeVisible();
});

test("a stored class form the server now refuses her leaves the phone at the next sync; while the server cannot be reached it stays", async ({ page, context, freshLearner }) => {
  test.setTimeout(150_000);
  const phone = `07${String(Date.now()).slice(-8)}`;
  const { withdrawn, kept } = JSON.parse(tsx("tests/e2e/support/trainer-scope.ts", "create", phone, freshLearner.login)) as { withdrawn: string; kept: string };
  const storedForms = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("lantoa-form:")).sort());
  // A class recorded offline at the unit she keeps, sent when the connection returns: the round then fetches the stored forms again.
  const recordOfflineAndSync = async (place: string) => {
    await page.goto(`/classes?unit=${kept}`);
    await expect(page.locator("html[data-hydrated]")).toBeAttached();
    await context.setOffline(true);
    await page.getByLabel("Khóa học").selectOption({ label: "Hòa giải ở cơ sở" });
    await page.getByLabel("Ngày học").fill("10/06/2025");
    await page.getByLabel("Địa điểm").fill(place);
    await page.locator('input[name="attendees"]').first().check();
    await page.getByRole("button", { name: "Ghi lớp học" }).click();
    await expect(page.locator("#sync-banner")).toHaveText("1 thao tác chờ đồng bộ: sẽ tự gửi khi có mạng.");
    await context.setOffline(false);
    // The banner goes once the round, the forms' refresh included, is over.
    await expect(page.locator("#sync-banner")).toHaveCount(0, { timeout: 30_000 });
  };
  try {
    await signIn(page, phone, "MatKhau@123");
    for (const unitId of [withdrawn, kept]) {
      await page.goto(`/classes?unit=${unitId}`);
      await expect(page.locator("html[data-hydrated]")).toBeAttached();
      await page.getByRole("button", { name: "Lưu biểu mẫu để dùng khi mất mạng" }).click();
      await expect(page.getByText(/Đã lưu biểu mẫu trên máy, cập nhật lúc/)).toBeVisible({ timeout: 30_000 });
    }
    expect(await storedForms()).toEqual([`lantoa-form:${withdrawn}`, `lantoa-form:${kept}`].sort());

    // Her role on one unit ends; its form page cannot be reached at this sync (the service worker's requests are routed too).
    tsx("tests/e2e/support/trainer-scope.ts", "withdraw", phone, withdrawn);
    const unreachable = (url: URL) => url.pathname.startsWith("/classes") && url.searchParams.get("unit") === withdrawn;
    await context.route(unreachable, (route) => route.abort("connectionrefused"));
    await recordOfflineAndSync(`Nhà văn hóa ấp ${phone}`);
    expect(await storedForms()).toEqual([`lantoa-form:${withdrawn}`, `lantoa-form:${kept}`].sort());

    // The server answers again, and refuses her that unit's form: its roster leaves the phone; the other form stays.
    await context.unroute(unreachable);
    await recordOfflineAndSync(`Nhà chị Tư, ấp ${phone}`);
    await expect.poll(storedForms).toEqual([`lantoa-form:${kept}`]);
    await page.goto(`/classes?unit=${kept}`);
    await expect(page.getByText(/Đã lưu biểu mẫu trên máy, cập nhật lúc/)).toBeVisible();
  } finally {
    tsx("tests/e2e/support/trainer-scope.ts", "delete", phone);
  }
});
