// `npm run bench:data`: a national-size database for the organizer report's bench (`npm run bench`):
// one national unit → 34 provinces → about 3,300 communes (the two-level map after 1/7/2025) →
// 6–10 hamlet branches each; about 100,000 cadres and 2 million lesson-progress rows on the shipped
// courses; one organizer at the top. Rows go in through the driver, 10,000 to a
// transaction.
// Flags (or env): --database-url URL (BENCH_DATA_URL, default file:./data/bench-national/national.db;
// a postgresql:// database is emptied first), --communes N (default 3321), --cadres N (default 100000).
import "./supported-node.mjs";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { benchDataUrl, benchOrganizer } from "./bench/national.ts";

const { values: flags } = parseArgs({
  options: {
    "database-url": { type: "string", default: benchDataUrl },
    communes: { type: "string", default: "3321" },
    cadres: { type: "string", default: "100000" },
  },
});
const url = flags["database-url"];
const communeCount = Number(flags.communes);
const cadreCount = Number(flags.cadres);
if (!Number.isInteger(communeCount) || communeCount < 34 || !Number.isInteger(cadreCount) || cadreCount < communeCount * 3)
  throw new Error("--communes must be at least 34 and --cadres at least 3 per commune");

const isPostgres = /^postgres(ql)?:\/\//.test(url);
process.env.DATABASE_URL = url;
const [{ createDb, sqliteFilePath }, { hashPassword }, { buildCatalog }, { randomSource, vietnameseName }, { unitPath }, { ensurePlanningDefaults }] = await Promise.all([
  import("#app/db.server.ts"),
  import("#app/auth/password.server.ts"),
  import("#app/courses/catalog.server.ts"),
  import("#app/demo/vietnamese-names.ts"),
  import("#app/org/unit-path.ts"),
  import("#app/planning/defaults.server.ts"),
]);

const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

console.log(`· fresh database ${url}`);
if (isPostgres) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query("drop schema public cascade; create schema public");
  await client.end();
} else {
  const file = sqliteFilePath(url);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}
execFileSync("node_modules/.bin/tsx", ["scripts/prisma.ts", "migrate", "deploy"], { env: process.env, stdio: ["ignore", "ignore", "inherit"] });
const db = await createDb(url);

const random = randomSource(3321);
// cuid-shaped (25 characters of [a-z0-9], rising like cuid's time prefix), so paths are as long as the
// app's and rows append to their indexes: random ids made the inserts five times slower.
let idCount = 0;
const newId = () => `c${(idCount++).toString(36).padStart(10, "0")}${randomBytes(7).toString("hex")}`;

/** A progress bar on a terminal, a line per tenth otherwise. */
function progress(label: string, total: number) {
  const t0 = performance.now();
  let lastTenth = -1;
  return (done: number) => {
    const share = total ? done / total : 1;
    if (process.stdout.isTTY) {
      const bar = "█".repeat(Math.round(share * 30)).padEnd(30, "░");
      process.stdout.write(`\r  ${label.padEnd(16)} ${bar} ${(share * 100).toFixed(0).padStart(3)} %  ${done.toLocaleString("en")}/${total.toLocaleString("en")}`);
      if (done >= total) process.stdout.write(`  ${seconds(t0)} s\n`);
    } else if (Math.floor(share * 10) !== lastTenth || done >= total) {
      lastTenth = Math.floor(share * 10);
      console.log(`  ${label} ${(share * 100).toFixed(0)} % (${done}/${total})${done >= total ? `, ${seconds(t0)} s` : ""}`);
    }
  };
}

/**
 * Bulk rows through the driver itself, each batch one transaction: through Prisma (createMany or a raw
 * multi-row INSERT) the same rows took four to ten times as long. Dates are written as Prisma writes them.
 */
type Row = (string | number | boolean | Date | null)[];
async function bulkWriter(): Promise<{ write(table: string, columns: string[], rows: Row[]): Promise<void>; close(): Promise<void> }> {
  const quote = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");
  if (isPostgres) {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: url });
    await client.connect();
    const types = new Map<string, string>();
    return {
      async write(table, columns, rows) {
        if (!types.has(table)) {
          const result = await client.query<{ column_name: string; udt_name: string }>("select column_name, udt_name from information_schema.columns where table_name = $1", [table]);
          for (const r of result.rows) types.set(`${table}.${r.column_name}`, r.udt_name);
          types.set(table, "");
        }
        // One array parameter per column, unnested into rows: a single statement per batch.
        const arrays = columns.map((_, i) => rows.map((row) => row[i]));
        const casts = columns.map((c, i) => `$${i + 1}::${types.get(`${table}.${c}`)}[]`).join(", ");
        await client.query(`insert into "${table}" (${quote(columns)}) select * from unnest(${casts})`, arrays);
      },
      close: () => client.end(),
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(sqliteFilePath(url));
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const value = (v: Row[number]) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v);
  return {
    async write(table, columns, rows) {
      const statement = sqlite.prepare(`insert into "${table}" (${quote(columns)}) values (${columns.map(() => "?").join(", ")})`);
      sqlite.transaction(() => {
        for (const row of rows) statement.run(row.map(value));
      })();
    },
    close: async () => void sqlite.close(),
  };
}

async function insert(label: string, table: string, columns: string[], rows: Row[], batchSize = 10_000) {
  const show = progress(label, rows.length);
  for (let i = 0; i < rows.length; i += batchSize) {
    await writer.write(table, columns, rows.slice(i, i + batchSize));
    show(Math.min(i + batchSize, rows.length));
  }
}

console.log("· courses from content/");
const catalog = await buildCatalog(db, process.env.CONTENT_DIR ?? "content/courses");

// The tree: the national unit, 34 provinces, communes spread over them, branches under each commune.
type Unit = { id: string; code: string; name: string; level: string; kind: string; parentId: string | null; path: string; depth: number; validFrom: Date };
const formed = new Date("2025-07-01T00:00:00+07:00");
const units: Unit[] = [];
const addUnit = (parent: Unit | null, code: string, name: string, level: string, kind: string) => {
  const id = newId();
  const unit = { id, code, name, level, kind, parentId: parent?.id ?? null, path: unitPath(parent?.path ?? null, id), depth: parent ? parent.depth + 1 : 0, validFrom: formed };
  units.push(unit);
  return unit;
};
const nation = addUnit(null, "VN", "Trung ương Hội LHPN Việt Nam", "province", "trung_uong");
const provinces = Array.from({ length: 34 }, (_, p) => addUnit(nation, `P${p + 1}`, `Tỉnh Thử ${p + 1}`, "province", "tinh"));
const communes = Array.from({ length: communeCount }, (_, c) => addUnit(provinces[c % provinces.length]!, `X${c + 1}`, `Xã Thử ${c + 1}`, "commune", "xa"));
const branches = communes.flatMap((commune) => Array.from({ length: random.int(6, 10) }, (_, b) => addUnit(commune, `${commune.code}-${b + 1}`, `Chi hội Ấp ${b + 1} (${commune.code})`, "branch", "ap")));

// Cadres: the chair, a vice-chair and a committee member of each commune; the rest spread over the branches.
type Cadre = { id: string; unitId: string; position: string };
const cadres: Cadre[] = [];
for (const commune of communes) for (const position of ["hoi_chu_tich", "hoi_pho_chu_tich", "hoi_uy_vien_ban_chap_hanh"]) cadres.push({ id: newId(), unitId: commune.id, position });
while (cadres.length < cadreCount) {
  const branch = branches[random.int(0, branches.length - 1)]!;
  cadres.push({ id: newId(), unitId: branch.id, position: random.next() < 0.5 ? "chi_hoi_truong" : "chi_hoi_pho" });
}

// Progress: most cadres started each course and about three in four of those finished it.
type EnrollmentRow = { id: string; userId: string; courseId: string; courseVersion: number; startedAt: Date; completedAt: Date | null };
const enrollments: EnrollmentRow[] = [];
const lessonRows: { id: string; enrollmentId: string; lessonId: string; completedAt: Date }[] = [];
const day = 86_400_000;
for (const cadre of cadres)
  for (const course of catalog.courses) {
    if (random.next() < 0.08) continue;
    const startedAt = new Date(Date.UTC(2025, 7, 1) + random.int(0, 480) * day);
    const finished = random.next() < 0.75;
    const done = finished ? course.lessons.length : random.int(1, course.lessons.length - 1);
    const enrollment = { id: newId(), userId: cadre.id, courseId: course.id, courseVersion: course.version, startedAt, completedAt: finished ? new Date(startedAt.getTime() + (done + 1) * day) : null };
    enrollments.push(enrollment);
    for (const [i, lesson] of course.lessons.slice(0, done).entries())
      lessonRows.push({ id: newId(), enrollmentId: enrollment.id, lessonId: lesson.id, completedAt: new Date(startedAt.getTime() + (i + 1) * day) });
  }

// Planning for 2025–2030 (the pipeline page, `npx tsx scripts/bench-pipeline.ts`): in each commune its three Union
// cadres and three (now and then four) cadres of its branches are planned, the three sit on the Union executive
// committee, and the chairs are required the first shipped course. One cadre in five is a man, so that every stage
// splits by gender.
const now = new Date();
await ensurePlanningDefaults(db);
const term = await db.term.findUniqueOrThrow({ where: { key: "2025-2030" }, select: { id: true } });
const planningPositions = ["hoi_chu_tich", "hoi_pho_chu_tich", "hoi_uy_vien_ban_chap_hanh"];
const entries: Row[] = [];
const committees: Row[] = [];
const committeeMembers: Row[] = [];
const byBranchCommune = new Map<string, Cadre[]>();
const communeOf = new Map(branches.map((b) => [b.id, b.parentId!]));
for (const c of cadres) {
  const commune = communeOf.get(c.unitId);
  if (commune) byBranchCommune.set(commune, [...(byBranchCommune.get(commune) ?? []), c]);
}
const congress = new Date("2025-09-15T00:00:00+07:00");
for (const [i, commune] of communes.entries()) {
  const own = cadres.slice(i * 3, i * 3 + 3);
  const pool = byBranchCommune.get(commune.id) ?? [];
  const planned = [...own.map((c, p) => [c, planningPositions[p]!] as const), ...pool.slice(0, random.next() < 0.2 ? 4 : 3).map((c, p) => [c, planningPositions[Math.min(p, 2)]!] as const)];
  for (const [cadre, position] of planned) entries.push([newId(), cadre.id, commune.id, term.id, position, "approved", now, now]);
  const committee = newId();
  committees.push([committee, commune.id, term.id, "union_executive", 15, congress]);
  for (const [p, cadre] of own.entries()) committeeMembers.push([newId(), committee, cadre.id, planningPositions[p]!, "elected", congress]);
}
const writer = await bulkWriter();
await insert("units", "OrgUnit", ["id", "code", "name", "level", "kind", "parentId", "path", "depth", "validFrom", "createdAt", "updatedAt"],
  units.map((u) => [u.id, u.code, u.name, u.level, u.kind, u.parentId, u.path, u.depth, u.validFrom, now, now]));
await insert("cadres", "User", ["id", "name", "gender", "unitId", "externalId", "birthYear", "createdAt", "updatedAt"],
  cadres.map((c, i) => [c.id, vietnameseName(random, "female"), i % 5 === 4 ? "male" : "female", c.unitId, `BENCH-${c.id}`, 1965 + (i % 35), now, now]));
await insert("positions", "PositionHolding", ["id", "userId", "unitId", "position", "from"], cadres.map((c) => [newId(), c.id, c.unitId, c.position, formed]));
await insert("enrollments", "Enrollment", ["id", "userId", "courseId", "courseVersion", "startedAt", "completedAt"],
  enrollments.map((e) => [e.id, e.userId, e.courseId, e.courseVersion, e.startedAt, e.completedAt]));
await insert("lesson progress", "LessonProgress", ["id", "enrollmentId", "lessonId", "completedAt"], lessonRows.map((l) => [l.id, l.enrollmentId, l.lessonId, l.completedAt]));
await insert("planning", "PlanningEntry", ["id", "userId", "unitId", "termId", "position", "status", "createdAt", "updatedAt"], entries);
await insert("committees", "Committee", ["id", "unitId", "termId", "kind", "seats", "formedOn"], committees);
await insert("outcomes", "CommitteeMember", ["id", "committeeId", "userId", "position", "how", "on"], committeeMembers);
await writer.close();
await db.courseRequirement.create({ data: { courseId: catalog.courses[0]!.id, unitId: nation.id, position: "hoi_chu_tich", dueOn: congress, createdById: "bench" } });

const hash = await hashPassword(benchOrganizer.password);
await db.user.create({
  data: {
    name: "Tổ chức Trung ương",
    email: benchOrganizer.email,
    gender: "female",
    unitId: nation.id,
    password: { create: { hash } },
    roles: { create: [{ role: "organizer", unitId: nation.id }] },
  },
});
// Planner statistics, as a long-running database would have them.
await db.$executeRawUnsafe("analyze");
await db.$disconnect();

console.log(
  `\nNational bench data in ${url}: ${units.length.toLocaleString("en")} units (${provinces.length} provinces, ${communes.length.toLocaleString("en")} communes, ${branches.length.toLocaleString("en")} branches), ` +
    `${cadres.length.toLocaleString("en")} cadres, ${enrollments.length.toLocaleString("en")} enrollments, ${lessonRows.length.toLocaleString("en")} lesson-progress rows — ${seconds(started)} s`,
);
