// Throwaway accounts in the e2e database:
//   tsx people.ts create <phone>                            a learner heading the first hamlet branch
//   tsx people.ts create-in <phone> <role> <district index>  a trainer of the n-th district, or a learner of its first commune
//   tsx people.ts delete <phone>…
//   tsx people.ts scenario-runs <phone> <scenario id>     how many runs of a scenario she recorded
//   tsx people.ts certificate                             the code of a certificate the demo issued
import type { Role } from "#app/auth/permissions.ts";
import { db } from "#app/db.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";

const [command, phone, role, districtIndex] = process.argv.slice(2);
const password = { plain: "MatKhau@123" };
if (command === "create") {
  const branch = await db.orgUnit.findFirstOrThrow({ where: { level: "branch" }, orderBy: { id: "asc" }, select: { id: true } });
  await upsertPerson(
    db,
    { name: "Học Viên Thử Nghiệm", phone, gender: "female", unitId: branch.id, positions: [{ position: "chi_hoi_truong", unitId: branch.id, from: new Date("2024-01-01") }], roles: [{ role: "learner", unitId: branch.id }] },
    password,
  );
} else if (command === "scenario-runs") {
  const scenarioId = process.argv[4]!;
  process.stdout.write(String(await db.scenarioRun.count({ where: { scenarioId, enrollment: { user: { phone } } } })));
} else if (command === "create-in") {
  const district = await db.orgUnit.findFirstOrThrow({ where: { level: "district" }, orderBy: { code: "asc" }, skip: Number(districtIndex), select: { id: true, path: true } });
  const unit = role === "trainer" ? district : await db.orgUnit.findFirstOrThrow({ where: { level: "commune", path: { startsWith: district.path } }, orderBy: { code: "asc" }, select: { id: true } });
  const name = role === "trainer" ? "Giảng Viên Huyện Thử" : "Học Viên Huyện Thử";
  await upsertPerson(db, { name, phone, gender: "female", unitId: unit.id, roles: [{ role: role as Role, unitId: unit.id }] }, password);
} else if (command === "certificate") {
  process.stdout.write((await db.certificate.findFirstOrThrow({ select: { code: true } })).code);
} else if (command === "delete") {
  await db.user.deleteMany({ where: { phone: { in: process.argv.slice(3) } } });
}
await db.$disconnect();
