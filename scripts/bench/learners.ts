// Learners with a known password for the write bench and the crash and backup tests, written through
// the app's own modules before the server starts: the seeded cadres' passwords are not known here.
import { hashPassword } from "#app/auth/password.server.ts";
import type { Db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";

export const learnerPassword = "HocVien@Bench1";

export interface Learner {
  userId: string;
  identifier: string;
}

export async function createLearners(db: Db, count: number): Promise<Learner[]> {
  const hash = await hashPassword(learnerPassword);
  // The demo's branches when it is seeded; the tests run without it and get one of their own.
  const seeded = await db.orgUnit.findMany({ where: { level: "branch" }, select: { id: true }, orderBy: { path: "asc" }, take: 50 });
  const branches = seeded.length ? seeded : [await ensureUnit(db, { code: "THU", name: "Chi hội Thử", level: "branch", kind: "ap", parent: null })];
  const learners: Learner[] = [];
  for (let i = 0; i < count; i++) {
    const identifier = `hocvien.thu.${i + 1}@lantoa.vn`;
    const unitId = branches[i % branches.length]!.id;
    const { id } = await upsertPerson(db, { name: `Học viên thử ${i + 1}`, email: identifier, gender: "female", unitId, roles: [{ role: "learner", unitId }] }, { hash });
    learners.push({ userId: id, identifier });
  }
  return learners;
}
