import { assert, beforeAll, describe, expect, test } from "vitest";
import { buildCatalog, type CatalogCourse } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { markLessonDone, recordScenarioRun, submitQuiz } from "#app/progress/steps.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { createLearner } from "#tests/unit/people.ts";
import { pdfSources } from "#tests/unit/pdf.ts";
import { loadCatalog } from "#app/i18n/i18n.ts";
import { certificatePdf, certificateText } from "./certificate-pdf.server.ts";
import { certificateByCode, issueCertificate, latestCertificate } from "./certificates.server.ts";
import { normaliseCode } from "./code.ts";

let course: CatalogCourse;

beforeAll(async () => {
  const catalog = await buildCatalog(db, writeContentRoot({ "khoa-chung-nhan": tinyCourse() }));
  course = catalog.bySlug.get("khoa-chung-nhan")!;
});

async function completeCourse(userId: string) {
  for (const lesson of course.lessons) await markLessonDone(db, userId, course, lesson.id);
  await recordScenarioRun(db, userId, course, "tham-nha", ["cong", "lang-nghe"]);
  return submitQuiz(db, userId, course, { q1: ["a"], q2: ["a", "c"] });
}

describe("issueCertificate", () => {
  test("codes are LT-XXXX-XXXX in Crockford base32 and unique over many issues", async () => {
    const { userId } = await createLearner(db);
    const codes = [];
    for (let i = 0; i < 200; i++) codes.push((await issueCertificate(db, { userId, course })).code);
    for (const code of codes) expect(code).toMatch(/^LT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test("copies the holder's name, home unit and the course as it is now", async () => {
    const { userId, unit } = await createLearner(db, "Trần Thị Bích Ngọc");
    const { name: unitName } = await db.orgUnit.findUniqueOrThrow({ where: { id: unit.id }, select: { name: true } });
    const certificate = await issueCertificate(db, { userId, course });
    expect(certificate).toMatchObject({ userId, holderName: "Trần Thị Bích Ngọc", unitName, courseTitle: course.title, courseVersion: course.version });
  });
});

describe("certificateByCode", () => {
  test("ignores case, dashes and spaces, and reads O as 0 and I or L as 1", async () => {
    const { userId } = await createLearner(db);
    const { code } = await issueCertificate(db, { userId, course });
    const bare = code.slice(3).replace("-", "");
    for (const typed of [code, code.toLowerCase(), bare, ` lt ${bare.slice(0, 4)} ${bare.slice(4)} `, code.replace(/0/g, "o").replace(/1/g, "l")])
      expect((await certificateByCode(db, typed))?.code).toBe(code);
  });

  test("an unknown or malformed code finds nothing", async () => {
    expect(await certificateByCode(db, "LT-0000-0000")).toBeNull();
    expect(await certificateByCode(db, "")).toBeNull();
    expect(await certificateByCode(db, "LT-UUUU-UUUU")).toBeNull();
    expect(normaliseCode("LT-ABCD-EFG")).toBeNull();
  });
});

describe("completion", () => {
  test("completing a course issues exactly one certificate, also when steps are repeated afterwards", async () => {
    const { userId } = await createLearner(db);
    const submitted = await completeCourse(userId);
    assert(!submitted.refused);
    expect(submitted.progress.completedAt).toBeInstanceOf(Date);
    await completeCourse(userId);
    await markLessonDone(db, userId, course, course.lessons[0]!.id);
    expect(await db.certificate.count({ where: { userId, courseId: course.id } })).toBe(1);
    expect(await latestCertificate(db, userId, course.id)).toMatchObject({ userId, courseTitle: course.title });
  });

  test("no certificate before the course is complete", async () => {
    const { userId } = await createLearner(db);
    for (const lesson of course.lessons) await markLessonDone(db, userId, course, lesson.id);
    expect(await latestCertificate(db, userId, course.id)).toBeNull();
  });
});

describe("certificatePdf", () => {
  test("is a PDF with an embedded TrueType font that renders Vietnamese names, and a link to its verification page", async () => {
    const { userId } = await createLearner(db, "Nguyễn Thị Ánh Tuyết");
    const certificate = await issueCertificate(db, { userId, course });
    const bytes = await certificatePdf(certificate, `https://lantoa.example/verify/${certificate.code}`, "vi");
    const sources = pdfSources(bytes);
    expect(sources[0]!.startsWith("%PDF-")).toBe(true);
    expect(sources.some((s) => s.includes("/FontFile2"))).toBe(true);
    expect(sources.some((s) => s.includes(`/URI (https://lantoa.example/verify/${certificate.code})`))).toBe(true);
  });
});

describe("certificateText", () => {
  test("a certificate earned in a class says it was studied in person, with the class's day and place, in Vietnamese and English", async () => {
    const { userId, unit } = await createLearner(db, "Phạm Thị Lớp Học");
    const trainer = await createLearner(db, "Giảng Viên Chứng Nhận");
    const session = await db.classSession.create({
      data: { courseId: course.id, unitId: unit.id, heldOn: new Date("2025-03-14T17:00:00Z"), place: "Hội trường UBND xã", recordedById: trainer.userId },
      select: { id: true },
    });
    const inPerson = (await certificateByCode(db, (await issueCertificate(db, { userId, course, classSessionId: session.id })).code))!;
    const online = (await certificateByCode(db, (await issueCertificate(db, { userId, course })).code))!;
    const url = "https://lantoa.example/verify/x";
    expect(certificateText(inPerson, url, "vi")).toMatchObject({ completed: "đã học trực tiếp và hoàn thành khóa học", inPerson: "Học trực tiếp tại lớp ngày 15/03/2025, Hội trường UBND xã" });
    expect(certificateText(online, url, "vi")).toMatchObject({ completed: "đã hoàn thành khóa học", inPerson: null });
    await loadCatalog("en");
    expect(certificateText(inPerson, url, "en")).toMatchObject({ completed: "has attended in person and completed the course", inPerson: "Studied in person at the class of 15/03/2025, Hội trường UBND xã" });
  });
});
