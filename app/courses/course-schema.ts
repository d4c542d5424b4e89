import { z } from "zod";
import { attendanceRules } from "./completion.ts";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "chỉ gồm chữ thường không dấu, số và dấu gạch ngang");
const lessonFile = z.string().regex(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/, "dạng NN-ten-bai (không có .mdx)");

export const courseFrontmatter = z
  .object({
    title: z.string().min(3),
    order: z.number().int().min(0).default(100),
    summary: z.string().min(10),
    audience: z.string().min(3),
    passMark: z.number().int().min(0).max(100),
    // Courses (by slug) to complete before this one opens.
    // Every list is bounded: YAML aliases can make a few KB of frontmatter list millions of items, and
    // zod checks a list's length before its items.
    prerequisites: z.array(slug).max(20).default([]),
    completion: z
      .object({
        quiz: slug.optional(),
        scenarios: z.array(slug).max(20).default([]),
      })
      .strict()
      .default({ scenarios: [] }),
    // Whether attending an in-person class a trainer recorded completes the course (app/courses/completion.ts).
    attendance: z.enum(attendanceRules).default("records"),
    modules: z
      .array(z.object({ title: z.string().min(3).max(200), lessons: z.array(lessonFile).min(1).max(50) }).strict())
      .min(1)
      .max(30),
  })
  .strict();

export const lessonFrontmatter = z
  .object({
    title: z.string().min(3),
    minutes: z.number().int().min(1).max(240),
    // Lessons of the same course (by file name) to finish before this one opens.
    prerequisites: z.array(lessonFile).max(50).default([]),
    // A lesson learners may skip: it does not count towards completing the course (e.g. one written for the
    // commune standing board that branch heads need not study).
    optional: z.boolean().default(false),
  })
  .strict();

export type CourseFrontmatter = z.infer<typeof courseFrontmatter>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
export { slug as slugSchema };
