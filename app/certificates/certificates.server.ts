import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db } from "#app/db.server.ts";
import { generateCode, normaliseCode } from "./code.ts";

// A transaction client has the same delegates as the client itself.
type Certificates = Pick<Db, "certificate">;

const certificateSelect = {
  code: true,
  userId: true,
  holderName: true,
  unitName: true,
  courseTitle: true,
  courseVersion: true,
  issuedAt: true,
  // Earned by attending this in-person class (a course whose rule is `attendance: completes`).
  classSession: { select: { heldOn: true, place: true } },
} as const;

export type Certificate = NonNullable<Awaited<ReturnType<typeof certificateByCode>>>;

/** Called in the transaction that completes the course; names are copied so the certificate outlives renames. */
export async function issueCertificate(
  tx: Pick<Db, "certificate" | "user">,
  { userId, course, issuedAt, classSessionId }: { userId: string; course: Pick<CatalogCourse, "id" | "title" | "version">; issuedAt?: Date; classSessionId?: string | null },
) {
  const holder = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, unit: { select: { name: true } } } });
  let code = generateCode();
  // 40 random bits make a clash unlikely, but a unique-constraint error would abort the learner's step.
  while (await tx.certificate.findUnique({ where: { code }, select: { id: true } })) code = generateCode();
  return tx.certificate.create({
    data: { code, userId, courseId: course.id, courseVersion: course.version, holderName: holder.name, unitName: holder.unit.name, courseTitle: course.title, issuedAt, classSessionId },
    select: certificateSelect,
  });
}

export function certificateByCode(db: Certificates, code: string) {
  const canonical = normaliseCode(code);
  if (!canonical) return Promise.resolve(null);
  return db.certificate.findUnique({ where: { code: canonical }, select: certificateSelect });
}

export function latestCertificate(db: Certificates, userId: string, courseId: string) {
  return db.certificate.findFirst({ where: { userId, courseId }, orderBy: { issuedAt: "desc" }, select: certificateSelect });
}
