import { z } from "zod";
import { parseDay } from "./days.ts";

/** A form's day (dd/mm/yyyy or yyyy-mm-dd) as the day's first moment in Vietnam; anything else fails with `message`. */
export const dayField = (message: string) => z.string({ error: message }).transform((text, ctx) => parseDay(text) ?? (ctx.addIssue({ code: "custom", message }), z.NEVER));
