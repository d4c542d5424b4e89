// What the bad-input sweep (bad-input.spec.ts) posts to in the e2e database: `tsx form-targets.ts <phone> <course slug>`
// prints the ids of the throwaway cadre with that phone, of today's province (Cà Mau) and one of its communes, of
// a commune of Bạc Liêu's last tree and of a recorded class, after making a draft course with that slug in Cà Mau.
import { createDraftCourse } from "#app/authoring/drafts.server.ts";
import { db } from "#app/db.server.ts";

const [phone, slug] = process.argv.slice(2) as [string, string];
const today = { validTo: null, validFrom: { not: null } };
const province = await db.orgUnit.findFirstOrThrow({ where: { level: "province", ...today }, select: { id: true } });
const commune = await db.orgUnit.findFirstOrThrow({ where: { level: "commune", ...today }, orderBy: { code: "asc" }, select: { id: true } });
const oldCommune = await db.orgUnit.findFirstOrThrow({ where: { level: "commune", validTo: { not: null } }, orderBy: { code: "asc" }, select: { id: true } });
const person = await db.user.findUniqueOrThrow({ where: { phone }, select: { id: true } });
const classSession = await db.classSession.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
await createDraftCourse(db, { slug, title: "Khóa thử dữ liệu sai" }, province.id);
console.log(JSON.stringify({ province: province.id, commune: commune.id, oldCommune: oldCommune.id, person: person.id, classSession: classSession.id }));
await db.$disconnect();
