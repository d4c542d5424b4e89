// `npx tsx scripts/bench-pipeline.ts`: times the pipeline page's two reads (unitPipeline, subtreeWarnings) and one
// stage list on the national bench database (`npm run bench:data`), for the whole country and for its largest province.
import "./supported-node.mjs";
import { benchDataUrl } from "./bench/national.ts";

process.env.DATABASE_URL = benchDataUrl;
const [{ db }, { buildCatalog }, { termByKey }, { unitPipeline, stagePeople }, { subtreeWarnings }] = await Promise.all([
  import("#app/db.server.ts"),
  import("#app/courses/catalog.server.ts"),
  import("#app/planning/lists.server.ts"),
  import("#app/planning/pipeline.server.ts"),
  import("#app/planning/warnings.server.ts"),
]);
const catalog = await buildCatalog(db, process.env.CONTENT_DIR ?? "content/courses");
const term = (await termByKey(db, "2025-2030"))!;
const select = { id: true, name: true, path: true, level: true } as const;
const nation = await db.orgUnit.findFirstOrThrow({ where: { parentId: null }, select });
const province = await db.orgUnit.findFirstOrThrow({ where: { parentId: nation.id }, orderBy: { children: { _count: "desc" } }, select });
const today = new Date();
const time = async <T>(label: string, run: () => Promise<T>) => {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
};
for (const unit of [nation, province]) {
  const communes = await db.orgUnit.count({ where: { path: { startsWith: unit.path }, level: "commune" } });
  console.log(`· ${unit.name} (${communes} communes)`);
  for (const round of [1, 2]) {
    const p = await time(`  unitPipeline, round ${round}`, () => unitPipeline(db, unit, term, today, catalog));
    if (round === 2) console.log(`  total ${JSON.stringify(p.total)}, ${p.children.length} children`);
  }
  const w = await time("  subtreeWarnings", () => subtreeWarnings(db, unit, term, today));
  console.log(`  warnings ${JSON.stringify(w.count)}`);
  await time("  stagePeople trained female, page 1", () => stagePeople(db, unit, term, "trained", "female", 1, today, catalog));
  await time("  stagePeople ready female, page 1", () => stagePeople(db, unit, term, "ready", "female", 1, today, catalog));
}
await db.$disconnect();
