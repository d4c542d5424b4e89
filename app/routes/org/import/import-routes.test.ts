import ExcelJS from "exceljs";
import { expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { action as upload, loader as importPage } from "./index.tsx";
import { action as confirm, loader as jobPage } from "./job.tsx";
import { loader as template } from "./template.ts";

const unitTree = async (code: string) => {
  const district = await ensureUnit(db, { code: `${code}D`, name: "Huyện", level: "district", kind: "huyen", parent: null });
  await ensureUnit(db, { code, name: "Xã", level: "commune", kind: "xa", parent: district });
  return district;
};
const multipart = (path: string, kind: string, file: Blob, name = "can-bo.xlsx") => {
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", new File([file], name));
  return new Request(`http://localhost${path}`, { method: "POST", body: form });
};
const jobIdOf = (response: unknown) => (response as Response).headers.get("Location")!.split("/").pop()!;
const settled = (id: string) =>
  vi.waitFor(async () => expect(["checking", "running"]).not.toContain((await db.importJob.findUniqueOrThrow({ where: { id }, select: { status: true } })).status), { timeout: 20_000, interval: 50 });

test("an organizer downloads the template, uploads it filled in, confirms, and the job page shows what changed", async () => {
  const district = await unitTree("RT1");
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const response = (await template(routeArgs(get("/org/import/template/cadres"), organizer, { kind: "cadres" }))) as Response;
  expect(response.headers.get("Content-Disposition")).toContain("mau-nhap-can-bo.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(2).value).toBe("Họ và tên *");
  // The example row, with its unit code replaced by one of the organizer's units.
  sheet.getRow(2).getCell(12).value = "RT1";
  const filled = await workbook.xlsx.writeBuffer();

  const id = jobIdOf(await upload(routeArgs(multipart("/org/import", "cadres", new Blob([filled])), organizer)));
  await settled(id);
  const preview = (await jobPage(routeArgs(get(`/org/import/${id}`), organizer, { id }))) as Awaited<ReturnType<typeof jobPage>>;
  expect(preview.job).toMatchObject({ status: "previewed", rows: 1, summary: { created: 1, errorCount: 0 } });
  await confirm(routeArgs(new Request(`http://localhost/org/import/${id}`, { method: "POST", body: new URLSearchParams() }), organizer, { id }));
  await settled(id);
  expect(await db.user.findUniqueOrThrow({ where: { externalId: "CB-0001" }, select: { name: true, phone: true } })).toEqual({ name: "Nguyễn Thị Lan", phone: "0912345678" });

  // Someone else's job is as unknown as a wrong id.
  const other = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  expect(statusOf(await outcome(async () => jobPage(routeArgs(get(`/org/import/${id}`), other, { id }))))).toBe(404);
});

test("learners and trainers cannot import; a file over 15 MB is refused with 413, and the larger limit is this route's only", async () => {
  const district = await unitTree("RT2");
  for (const role of ["learner", "trainer"] as const) {
    const context = await contextFor(db, await createPersonWithRole(db, role, district));
    expect(statusOf(await outcome(async () => importPage(routeArgs(get("/org/import"), context))))).toBe(403);
  }
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const big = multipart("/org/import", "cadres", new Blob([new Uint8Array(15 * 1024 * 1024 + 1)]), "lon.csv");
  expect(statusOf(await outcome(async () => upload(routeArgs(big, organizer))))).toBe(413);
  // 1 MB is fine for an upload, but not for the confirmation form.
  const id = jobIdOf(await upload(routeArgs(multipart("/org/import", "cadres", new Blob([new Uint8Array(1024 * 1024).fill(65)]), "rac.csv"), organizer)));
  await settled(id);
  const confirmBig = new Request(`http://localhost/org/import/${id}`, { method: "POST", body: new URLSearchParams({ x: "a".repeat(1024 * 1024) }) });
  expect(statusOf(await outcome(async () => confirm(routeArgs(confirmBig, organizer, { id }))))).toBe(413);
});

test("the upload page lists the kinds she may import and her recent jobs; a kind she may not import, a missing file or one without a name are refused, a long name is cut", async () => {
  const district = await unitTree("RT3");
  const organizerId = await createPersonWithRole(db, "organizer", district);
  const organizer = await contextFor(db, organizerId);
  const learner = await contextFor(db, await createPersonWithRole(db, "learner", district));
  expect(statusOf(await outcome(async () => upload(routeArgs(multipart("/org/import", "cadres", new Blob(["a,b\n"])), learner))))).toBe(403);

  const refused = await outcome(async () => upload(routeArgs(multipart("/org/import", "khong-co", new Blob(["a,b\n"])), organizer)));
  expect(statusOf(refused)).toBe(400);
  expect((refused as { data: unknown }).data).toBeNull();
  const noFile = new FormData();
  noFile.set("kind", "cadres");
  expect(await upload(routeArgs(new Request("http://localhost/org/import", { method: "POST", body: noFile }), organizer))).toMatchObject({ data: { error: "import.noFile" }, init: { status: 400 } });
  expect(await upload(routeArgs(multipart("/org/import", "cadres", new Blob(["a,b\n"]), ""), organizer))).toMatchObject({ data: { error: "import.noFile" }, init: { status: 400 } });

  const name = `${"danh-sach-".repeat(25)}.csv`;
  const id = jobIdOf(await upload(routeArgs(multipart("/org/import", "cadres", new Blob(["a,b\n"]), name), organizer)));
  await settled(id);
  expect((await db.importJob.findUniqueOrThrow({ where: { id }, select: { fileName: true } })).fileName).toBe(name.slice(0, 200));
  const page = (await importPage(routeArgs(get("/org/import"), organizer))) as Awaited<ReturnType<typeof importPage>>;
  expect(page.kinds).toContain("cadres");
  expect(page.jobs.map((j) => j.id)).toEqual([id]);
});

test("a template is a private spreadsheet download named for its kind; a kind she may not import or one that does not exist is not found", async () => {
  const district = await unitTree("RT4");
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", district));
  const download = (kind: string, context = organizer) => outcome(async () => template(routeArgs(get(`/org/import/template/${kind}`), context, { kind })));
  const positions = (await download("positions")) as Response;
  expect(positions.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(positions.headers.get("Content-Disposition")).toBe('attachment; filename="mau-nhap-chuc-vu.xlsx"');
  expect(positions.headers.get("Cache-Control")).toBe("private, no-store");
  expect(statusOf(await download("khong-co"))).toBe(404);
  const learner = await contextFor(db, await createPersonWithRole(db, "learner", district));
  expect(statusOf(await download("cadres", learner))).toBe(404);
});
