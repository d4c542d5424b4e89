// tsx units-of.ts <phone>: a person's home unit id and the names of the units from the top down to it, as JSON.
import { db } from "#app/db.server.ts";
import { ancestorIds } from "#app/org/unit-path.ts";

const person = await db.user.findUniqueOrThrow({ where: { phone: process.argv[2] }, select: { unit: { select: { id: true, path: true } } } });
const units = await db.orgUnit.findMany({ where: { id: { in: ancestorIds(person.unit.path) } }, select: { name: true, depth: true } });
process.stdout.write(JSON.stringify({ unitId: person.unit.id, names: units.sort((a, b) => a.depth - b.depth).map((u) => u.name) }));
await db.$disconnect();
