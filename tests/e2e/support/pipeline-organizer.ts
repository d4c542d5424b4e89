// A commune of its own under Cà Mau for the pipeline spec, so that it depends on no demo planning data:
// `tsx pipeline-organizer.ts create <phone>` makes the commune (on the 2025 tree), its organizer, a woman and a
// man planned there for 2025–2030, and prints their names; `delete <phone>` removes all of it.
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";

const [command, phone] = process.argv.slice(2);
const code = `E2E-QH-${phone}`;
if (command === "create") {
  await ensurePlanningDefaults(db);
  const province = await db.orgUnit.findFirstOrThrow({ where: { level: "province", validTo: null, name: { contains: "Cà Mau" } }, select: { id: true, path: true, depth: true } });
  const commune = await ensureUnit(db, { code, name: `Xã Nguồn Cán Bộ ${phone}`, level: "commune", kind: "xa", parent: province, validFrom: vietnamDay(2025, 7, 1) });
  const term = await db.term.findUniqueOrThrow({ where: { key: "2025-2030" }, select: { id: true } });
  await upsertPerson(db, { name: "Tổ Chức Nguồn Cán Bộ", phone, gender: "female", unitId: commune.id, roles: [{ role: "organizer", unitId: commune.id }] }, { plain: "MatKhau@123" });
  const woman = await upsertPerson(db, { name: "Nguyễn Thị Quy Hoạch", email: `quy-hoach-nu-${phone}@e2e.lantoa.vn`, gender: "female", unitId: commune.id }, null);
  const man = await upsertPerson(db, { name: "Trần Văn Quy Hoạch", email: `quy-hoach-nam-${phone}@e2e.lantoa.vn`, gender: "male", unitId: commune.id }, null);
  await db.planningEntry.createMany({
    data: [
      { userId: woman.id, unitId: commune.id, termId: term.id, position: "dang_pho_bi_thu", status: "approved" },
      { userId: man.id, unitId: commune.id, termId: term.id, position: "dang_bi_thu", status: "approved" },
    ],
  });
  console.log(JSON.stringify({ commune: commune.id, woman: "Nguyễn Thị Quy Hoạch", man: "Trần Văn Quy Hoạch" }));
} else if (command === "delete") {
  const commune = await db.orgUnit.findFirst({ where: { code }, select: { id: true } });
  if (commune) {
    await db.committee.deleteMany({ where: { unitId: commune.id } });
    await db.planningEntry.deleteMany({ where: { unitId: commune.id } });
    await db.user.deleteMany({ where: { unitId: commune.id } });
    await db.orgUnit.delete({ where: { id: commune.id } });
  }
}
await db.$disconnect();
