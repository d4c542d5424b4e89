// The world of the planning scenario in the e2e database, whatever demo planning it holds:
//   tsx planning.ts create <tag>   (tag: 8 digits) in Xã Phong Thạnh (31957, on the tree from 1/7/2025) an organizer
//     (<tag>00), a woman cadre and learner (<tag>01, born 1988, Party member, trung cấp) who completed every course
//     Phó Bí thư requires at commune level but "nghi-quyet-chi-thi-ve-cong-tac-phu-nu", and the commune's 2025–2030
//     Party list: exactly 3 people for Phó Bí thư, 9 people in all, 1 of them a woman. Prints the commune's id.
//   tsx planning.ts delete <tag>   removes them and their planning.
import { db } from "#app/db.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { termByKey } from "#app/planning/lists.server.ts";
import { requirementsOn } from "#app/planning/readiness.server.ts";

const [command, tag] = process.argv.slice(2);
if (!tag || !/^\d{8}$/.test(tag)) throw new Error("usage: planning.ts create|delete <8 digits>");
const phone = (i: number) => `${tag}${String(i).padStart(2, "0")}`;
const phones = Array.from({ length: 12 }, (_, i) => phone(i));
const missingCourse = "nghi-quyet-chi-thi-ve-cong-tac-phu-nu";

if (command === "create") {
  await ensurePlanningDefaults(db);
  const commune = await db.orgUnit.findFirstOrThrow({ where: { code: "31957", level: "commune", validTo: null }, select: { id: true } });
  const term = (await termByKey(db, "2025-2030"))!;
  // The list starts from what this scenario says, not from the demo's planning of the commune.
  await db.planningEntry.deleteMany({ where: { unitId: commune.id, termId: term.id } });
  await db.planningStep.deleteMany({ where: { unitId: commune.id, termId: term.id } });
  await db.planningReview.deleteMany({ where: { unitId: commune.id, termId: term.id } });

  const password = { plain: "MatKhau@123" };
  await upsertPerson(db, { name: "Tổ Chức Phong Thạnh", phone: phone(0), gender: "female", unitId: commune.id, roles: [{ role: "organizer", unitId: commune.id }] }, password);
  const cadre = await upsertPerson(
    db,
    { name: "Trần Thị Quy Hoạch", phone: phone(1), gender: "female", birthYear: 1988, partyMember: true, theoryLevel: "trung_cap", unitId: commune.id, roles: [{ role: "learner", unitId: commune.id }] },
    password,
  );
  const required = (await requirementsOn(db, new Date())).get("dang_pho_bi_thu:commune") ?? [];
  for (const r of required)
    if (r.kind === "course" && r.value !== missingCourse) {
      const course = await db.course.findUniqueOrThrow({ where: { slug: r.value }, select: { id: true, version: true } });
      await db.enrollment.upsert({
        where: { userId_courseId: { userId: cadre.id, courseId: course.id } },
        create: { userId: cadre.id, courseId: course.id, courseVersion: course.version, completedAt: new Date() },
        update: { courseVersion: course.version, completedAt: new Date() },
      });
    }

  const list = [
    ...["Nguyễn Văn Phó Một", "Lê Văn Phó Hai", "Phạm Văn Phó Ba"].map((name) => ({ name, position: "dang_pho_bi_thu", gender: "male" as const })),
    { name: "Huỳnh Văn Bí Thư", position: "dang_bi_thu", gender: "male" as const },
    ...["Đặng Văn Ủy Viên", "Võ Văn Ủy Viên", "Trương Văn Ủy Viên", "Lý Văn Ủy Viên"].map((name) => ({ name, position: "dang_uy_vien_ban_chap_hanh", gender: "male" as const })),
    { name: "Mai Thị Ủy Viên", position: "dang_uy_vien_ban_chap_hanh", gender: "female" as const },
  ];
  for (const [i, person] of list.entries()) {
    const user = await upsertPerson(db, { name: person.name, phone: phone(i + 2), gender: person.gender, birthYear: 1978, partyMember: true, theoryLevel: "trung_cap", unitId: commune.id }, null);
    await db.planningEntry.create({
      data: { userId: user.id, unitId: commune.id, termId: term.id, position: person.position, status: "approved", events: { create: [{ on: new Date("2025-09-01T00:00:00+07:00"), status: "approved" }] } },
    });
  }
  console.log(JSON.stringify({ commune: commune.id }));
} else if (command === "delete") {
  await db.planningEntry.deleteMany({ where: { user: { phone: { in: phones } } } });
  await db.user.deleteMany({ where: { phone: { in: phones } } });
}
await db.$disconnect();
