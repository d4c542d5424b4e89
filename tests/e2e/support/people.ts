// Creates or deletes a throwaway learner in the e2e database, or prints how many runs of a scenario she
// has recorded: `tsx people.ts create|delete <phone>`, `tsx people.ts scenario-runs <phone> <scenario id>`.
import { db } from "#app/db.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";

const [command, phone] = process.argv.slice(2);
if (command === "create") {
  const branch = await db.orgUnit.findFirstOrThrow({ where: { level: "branch" }, select: { id: true } });
  await upsertPerson(
    db,
    { name: "Học Viên Thử Nghiệm", phone, gender: "female", unitId: branch.id, positions: [{ position: "chi_hoi_truong", unitId: branch.id, from: new Date("2024-01-01") }], roles: [{ role: "learner", unitId: branch.id }] },
    { plain: "MatKhau@123" },
  );
} else if (command === "scenario-runs") {
  const scenarioId = process.argv[4]!;
  process.stdout.write(String(await db.scenarioRun.count({ where: { scenarioId, enrollment: { user: { phone } } } })));
} else if (command === "delete") {
  await db.user.deleteMany({ where: { phone } });
}
await db.$disconnect();
