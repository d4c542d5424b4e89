// A trainer of two units in the e2e database, for the offline e2e whose stored class forms outlive her scope:
//   tsx trainer-scope.ts create <phone> <learner phone>  a trainer of the learner's branch and of another unit with
//                                                       cadres; prints {"withdrawn": <the branch>, "kept": <the other>}
//   tsx trainer-scope.ts withdraw <phone> <unit id>      ends her trainer role on that unit
//   tsx trainer-scope.ts delete <phone>                  removes her and the classes she recorded
import { db } from "#app/db.server.ts";
import { ancestorIds } from "#app/org/unit-path.ts";
import { upsertPerson } from "#app/people/people.server.ts";

const [command, phone, argument] = process.argv.slice(2);
const classDay = new Date("2025-06-10T12:00:00Z");
if (command === "create") {
  const learner = await db.user.findUniqueOrThrow({ where: { phone: argument }, select: { unit: { select: { id: true, path: true } } } });
  const other = await db.orgUnit.findFirstOrThrow({
    where: {
      level: { in: ["commune", "branch"] }, users: { some: {} },
      // open on the day the spec records its classes
      AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: classDay } }] }, { OR: [{ validTo: null }, { validTo: { gt: classDay } }] }],
      NOT: [{ path: { startsWith: learner.unit.path } }, { id: { in: ancestorIds(learner.unit.path) } }],
    },
    orderBy: { code: "asc" },
    select: { id: true },
  });
  const roles = [learner.unit.id, other.id].map((unitId) => ({ role: "trainer" as const, unitId }));
  await upsertPerson(db, { name: "Giảng Viên Hai Đơn Vị", phone, gender: "female", unitId: learner.unit.id, roles }, { plain: "MatKhau@123" });
  console.log(JSON.stringify({ withdrawn: learner.unit.id, kept: other.id }));
} else if (command === "withdraw") {
  await db.roleAssignment.deleteMany({ where: { user: { phone }, role: "trainer", unitId: argument } });
} else if (command === "delete") {
  await db.classSession.deleteMany({ where: { recordedBy: { phone } } });
  await db.user.deleteMany({ where: { phone } });
}
await db.$disconnect();
