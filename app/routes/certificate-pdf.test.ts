import { expect, test } from "vitest";
import { issueCertificate } from "#app/certificates/certificates.server.ts";
import { buildCatalog } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { pdfSources } from "#tests/unit/pdf.ts";
import { loader } from "./certificate-pdf.ts";
import { createLearner, createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";

test("the certificate links to PUBLIC_URL's verification page, whatever Host the request names", async () => {
  const catalog = await buildCatalog(db, writeContentRoot({ "khoa-host": tinyCourse() }));
  const { userId } = await createLearner(db);
  const { code } = await issueCertificate(db, { userId, course: catalog.bySlug.get("khoa-host")! });
  const request = new Request(`http://forged.example/certificates/${code}.pdf`, { headers: { Host: "forged.example" } });
  const response = (await loader(routeArgs(request, await contextFor(db, userId), { code }))) as Response;
  const sources = pdfSources(new Uint8Array(await response.arrayBuffer()));
  expect(sources.some((s) => s.includes(`/URI (${env.PUBLIC_URL}/verify/${code})`))).toBe(true);
  expect(sources.some((s) => s.includes("forged.example"))).toBe(false);
});

test("a certificate's PDF goes to its holder only", async () => {
  const { userId: holder, unit } = await createLearner(db, "Phan Thị Chứng");
  const course = await db.course.create({
    data: { slug: "khoa-chung-nhan", title: "Khóa chứng nhận", summary: "", source: "content", contentHash: "", passMark: 80, estimatedMinutes: 5 },
    select: { id: true, title: true, version: true },
  });
  const { code } = await issueCertificate(db, { userId: holder, course });
  const download = async (userId: string | null) =>
    outcome(async () => loader(routeArgs(get(`/certificates/${code}.pdf`), await contextFor(db, userId), { code })));

  const pdf = (await download(holder)) as Response;
  expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
  expect(statusOf(await download(await createPersonWithRole(db, "admin", unit)))).toBe(404);
  expect(statusOf(await download((await createLearner(db)).userId))).toBe(404);
  expect(((await download(null)) as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/certificates/${code}.pdf`)}`);
});
