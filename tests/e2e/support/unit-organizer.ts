// An organizer of one of today's communes in the e2e database: `tsx unit-organizer.ts create <phone> <unit code>`
// prints the ids of her commune and of another commune of the same province; `delete <phone>` removes her.
import { db } from "#app/db.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";

const [command, phone, code] = process.argv.slice(2);
if (command === "create") {
  const commune = await db.orgUnit.findFirstOrThrow({ where: { code, level: "commune", validTo: null }, select: { id: true, parentId: true } });
  const other = await db.orgUnit.findFirstOrThrow({ where: { parentId: commune.parentId, level: "commune", validTo: null, id: { not: commune.id } }, select: { id: true } });
  await upsertPerson(
    db,
    { name: "Tổ Chức Thử Nghiệm", phone, gender: "female", unitId: commune.id, roles: [{ role: "organizer", unitId: commune.id }] },
    { plain: "MatKhau@123" },
  );
  console.log(JSON.stringify({ commune: commune.id, other: other.id }));
} else if (command === "delete") {
  await db.user.deleteMany({ where: { phone } });
}
await db.$disconnect();
