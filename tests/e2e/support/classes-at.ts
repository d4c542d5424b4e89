// What the server holds of the classes recorded at a place, for the offline e2e (each exactly once):
//   tsx classes-at.ts <place>
import { db } from "#app/db.server.ts";

const sessions = await db.classSession.findMany({
  where: { place: process.argv[2]! },
  orderBy: { createdAt: "asc" },
  select: { unit: { select: { id: true } }, attendance: { select: { user: { select: { name: true } } } } },
});
process.stdout.write(JSON.stringify(sessions.map((s) => ({ unitId: s.unit.id, attendees: s.attendance.map((a) => a.user.name).sort() }))));
await db.$disconnect();
