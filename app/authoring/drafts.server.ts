import matter from "gray-matter";
import { z } from "zod";
import { notFound } from "#app/auth/auth.server.ts";
import { canManageCourse, canManageShippedCourses, scopesFor, type ScopedRole } from "#app/auth/permissions.ts";
import { courseFileName } from "#app/courses/content.server.ts";
import { slugSchema } from "#app/courses/course-schema.ts";
import { parseFrontmatter } from "#app/courses/safe-matter.server.ts";
import type { Db } from "#app/db.server.ts";
import { starterCourse, starterLesson } from "./starter-files.ts";

export const newCourseForm = z.object({
  slug: slugSchema.max(80),
  title: z.string().trim().min(3).max(200),
  ownerUnitId: z.string().optional(),
});

/** The units a trainer may author for: those she holds course:write on, the first one offered first. */
export function authoringUnits(roles: readonly ScopedRole[]) {
  const units = scopesFor(roles, "course:write").map((s) => ({ id: s.unitId, name: s.unitName }));
  return units.filter((u, i) => units.findIndex((v) => v.id === u.id) === i);
}

export const fileName = z.string().regex(/^(course|\d{2}-[a-z0-9]+(-[a-z0-9]+)*)\.mdx$/);
export const newLessonForm = z.object({
  name: z.string().regex(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().trim().min(3).max(200),
});

/** A new draft belonging to `ownerUnitId`: its trainers and those above manage it, its subtree learns it. */
export async function createDraftCourse(db: Db, input: z.infer<typeof newCourseForm>, ownerUnitId: string) {
  if (await db.course.findUnique({ where: { slug: input.slug }, select: { id: true } })) return null;
  const firstLesson = "01-bai-mo-dau";
  return db.course.create({
    data: {
      slug: input.slug,
      title: input.title,
      summary: "",
      source: "app",
      ownerUnitId,
      version: 0,
      contentHash: "",
      passMark: 80,
      estimatedMinutes: 0,
      drafts: {
        create: [
          { name: courseFileName, source: starterCourse(input.title, firstLesson) },
          { name: `${firstLesson}.mdx`, source: starterLesson("Bài mở đầu") },
        ],
      },
    },
    select: { id: true, slug: true },
  });
}

/**
 * A course as the authoring pages see it. Shipped courses are open to every trainer (read-only, their
 * versions managed by canManageShippedCourses); a course authored in the app that the trainer may not
 * manage is answered as one that does not exist.
 */
export async function requireAuthoredCourse(db: Db, slug: string, roles: readonly ScopedRole[]) {
  const course = await db.course.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      source: true,
      version: true,
      ownerUnit: { select: { path: true } },
      drafts: { select: { name: true, source: true, updatedAt: true }, orderBy: { name: "asc" } },
    },
  });
  const ownerUnitPath = course?.ownerUnit?.path ?? null;
  const manageable = canManageCourse(roles, { ownerUnitPath });
  if (!course || (course.source === "app" && !manageable)) notFound();
  return { ...course, ownerUnitPath, manageable, files: Object.fromEntries(course.drafts.map((d) => [d.name, d.source])) as Record<string, string> };
}

/** Shipped courses, and the app-authored ones this trainer manages. */
export function authoredCourses(db: Db, roles: readonly ScopedRole[]) {
  const units = scopesFor(roles, "course:write").map((s) => ({ path: { startsWith: s.unitPath } }));
  return db.course.findMany({
    where: {
      OR: [
        { source: "content" },
        { source: "app", ownerUnit: { OR: units } },
        ...(canManageShippedCourses(roles) ? [{ source: "app", ownerUnitId: null }] : []),
      ],
    },
    orderBy: [{ source: "asc" }, { title: "asc" }],
    select: { slug: true, title: true, source: true, version: true, updatedAt: true },
  });
}

export async function saveDraftFile(db: Db, courseId: string, name: string, source: string) {
  await db.authoredFile.upsert({
    where: { courseId_name: { courseId, name } },
    create: { courseId, name, source },
    update: { source },
  });
}

/** Adds a lesson file and lists it in the last module of course.mdx, so the draft stays publishable. */
export async function addDraftLesson(db: Db, courseId: string, input: z.infer<typeof newLessonForm>, courseSource: string) {
  const parsed = parseFrontmatter(courseSource);
  const modules = structuredClone((parsed.data.modules ?? []) as { title: string; lessons: string[] }[]);
  if (modules.length === 0) modules.push({ title: "Phần 1", lessons: [] });
  const last = modules[modules.length - 1]!;
  if (!last.lessons.includes(input.name)) last.lessons.push(input.name);
  await db.$transaction([
    db.authoredFile.create({ data: { courseId, name: `${input.name}.mdx`, source: starterLesson(input.title) } }),
    db.authoredFile.update({
      where: { courseId_name: { courseId, name: courseFileName } },
      data: { source: matter.stringify(parsed.content, { ...parsed.data, modules }) },
    }),
  ]);
}
