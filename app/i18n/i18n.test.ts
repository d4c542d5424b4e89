import { expect, test } from "vitest";
import { en } from "./en.ts";
import { formatDate, formatDateTime, loadCatalog, translator } from "./i18n.ts";
import { certificateMessages } from "./vi/certificate.ts";
import { orgMessages } from "./vi/org.ts";

// Every area under vi/, so a new one is checked without being listed here.
const areas = Object.values(import.meta.glob<Record<string, Record<string, string>>>("./vi/*.ts", { eager: true })).flatMap((module) => Object.values(module));
const vietnamese: Record<string, string> = Object.assign({}, ...areas);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("each key lives in one Vietnamese area, and English translates exactly those keys", () => {
  expect(areas.reduce((n, area) => n + Object.keys(area).length, 0)).toBe(Object.keys(vietnamese).length);
  expect(Object.keys(en).sort()).toEqual(Object.keys(vietnamese).sort());
});

test("English keeps every placeholder of the Vietnamese message", () => {
  for (const [key, text] of Object.entries(vietnamese)) expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
});

test("a page reads core messages and the areas it names, in the language it shows", async () => {
  expect(translator("vi")("lesson.minutes", { minutes: 12 })).toBe("12 phút đọc");
  expect(translator("vi", orgMessages)("org.page", { page: 2, pages: 5 })).toBe("Trang 2/5");
  expect(translator("vi", orgMessages, certificateMessages)("certificate.holder")).toBe("Người được cấp");
  await loadCatalog("en");
  expect(translator("en", orgMessages)("org.page", { page: 2, pages: 5 })).toBe(en["org.page"].replace("{page}", "2").replace("{pages}", "5"));
  // A placeholder without a value stays visible rather than printing "undefined".
  expect(translator("vi")("lesson.minutes")).toBe("{minutes} phút đọc");
});

test("dates are dd/mm/yyyy in Vietnam's time zone in both languages", () => {
  // 17:30 UTC on 31 Dec is already 1 Jan in Hà Nội.
  expect(formatDate(new Date("2025-12-31T17:30:00Z"), "vi")).toBe("01/01/2026");
  expect(formatDate("2025-07-01T00:00:00Z", "en")).toBe("01/07/2025");
});

test("moments are hh:mm dd/mm/yyyy on a 24-hour clock in Vietnam's time zone", () => {
  expect(formatDateTime(new Date("2025-12-31T17:05:00Z"))).toBe("00:05 01/01/2026");
  expect(formatDateTime("2025-07-01T08:30:00Z")).toBe("15:30 01/07/2025");
});
