import { expect, test } from "vitest";
import { excelSerialDay, isoDay, parseCellDay, parseDay, vietnamDay } from "./days.ts";

test("dd/mm/yyyy, yyyy-mm-dd and Excel serial numbers name the same day, at midnight in Vietnam", () => {
  const day = new Date("2019-07-01T00:00:00+07:00");
  expect(parseDay("01/07/2019")).toEqual(day);
  expect(parseDay("1/7/2019")).toEqual(day);
  expect(parseDay("2019-07-01")).toEqual(day);
  expect(parseDay("43647")).toBeNull();
  expect(parseCellDay("43647")).toEqual(day);
  expect(parseCellDay("01/07/2019")).toEqual(day);
  expect(excelSerialDay(43647)).toEqual(day);
  expect(isoDay(day)).toBe("2019-07-01");
});

test("days that do not exist and other text are refused", () => {
  expect(parseDay("31/02/2019")).toBeNull();
  expect(parseDay("07/13/2019")).toBeNull();
  expect(parseDay("hôm qua")).toBeNull();
  expect(parseDay("")).toBeNull();
  expect(vietnamDay(2020, 2, 29)).not.toBeNull();
  expect(excelSerialDay(43647.5)).toBeNull();
});
