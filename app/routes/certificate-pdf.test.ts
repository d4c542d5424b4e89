import { expect, test } from "vitest";
import { issueCertificate } from "#app/certificates/certificates.server.ts";
import { db } from "#app/db.server.ts";
import { createLearner, createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { loader } from "./certificate-pdf.ts";

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
  expect(statusOf(await download(await createPersonWithRole(db, "admin", unit)))).toBe(403);
  expect(statusOf(await download((await createLearner(db)).userId))).toBe(403);
  expect(((await download(null)) as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/certificates/${code}.pdf`)}`);
});
