import "../scripts/supported-node.mjs";
import { buildCatalog } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { seedDemo } from "#app/demo/demo-data.server.ts";

const started = performance.now();
const catalog = await buildCatalog(db, env.CONTENT_DIR);
const result = await seedDemo(db, catalog.courses);
console.log(`Demo data ready: ${result.units} communes, ${result.cadres} cadres, ${catalog.courses.length} courses (${Math.round(performance.now() - started)} ms)`);
await db.$disconnect();
