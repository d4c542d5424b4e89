import { recordClass } from "#app/classes/classes.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";

type DemoClass = { unit: { id: string; path: string; name: string }; course: string; heldOn: Date; place: string; attendeeIds: string[] };

/**
 * In-person classes the demo trainer held in Bạc Liêu communes before the 2025 merger: resolutions studied at a
 * commune conference (attending completes that course) and a mediation class (attendance only recorded).
 * Not everyone came: every third cadre of the commune stayed away. Idempotent: a class already there is kept.
 */
export async function seedClassesDemo(db: Db, courses: readonly CatalogCourse[], trainerId: string, communes: readonly { id: string; path: string; name: string; cadreIds: string[] }[]) {
  const present = (ids: string[]) => ids.filter((_, i) => i % 3 !== 2);
  const classes: DemoClass[] = communes.flatMap((commune, i) => [
    {
      unit: commune,
      course: "nghi-quyet-chi-thi-ve-cong-tac-phu-nu",
      heldOn: vietnamDay(2025, 3 + i, 12)!,
      place: `Hội trường UBND ${commune.name}`,
      attendeeIds: present(commune.cadreIds),
    },
    ...(i === 0
      ? [{ unit: commune, course: "hoa-giai-o-co-so", heldOn: vietnamDay(2025, 5, 10)!, place: `Nhà văn hóa ${commune.name}`, attendeeIds: commune.cadreIds.slice(0, 6) }]
      : []),
  ]);
  for (const c of classes) {
    const course = courses.find((k) => k.slug === c.course);
    if (!course) continue;
    const exists = await db.classSession.findFirst({ where: { unitId: c.unit.id, courseId: course.id, heldOn: c.heldOn }, select: { id: true } });
    if (exists) continue;
    await db.$transaction((tx) => recordClass(tx, trainerId, c.unit, { course, heldOn: c.heldOn, place: c.place, attendeeIds: c.attendeeIds }));
  }
}
