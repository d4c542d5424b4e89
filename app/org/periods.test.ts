import { expect, test } from "vitest";
import { formatPeriod, periodEnd, periodParam, periodRange } from "./periods.ts";

test("half-years and years start and end at midnight in Vietnam", () => {
  expect(periodRange({ year: 2019, half: 1 })).toEqual({ from: new Date("2019-01-01T00:00:00+07:00"), to: new Date("2019-07-01T00:00:00+07:00") });
  expect(periodRange({ year: 2019, half: 2 })).toEqual({ from: new Date("2019-07-01T00:00:00+07:00"), to: new Date("2020-01-01T00:00:00+07:00") });
  expect(periodRange({ year: 2019, half: 0 })).toEqual({ from: new Date("2019-01-01T00:00:00+07:00"), to: new Date("2020-01-01T00:00:00+07:00") });
  // 30/6 at 23:59:59.999 in Hà Nội is still the first half; the merge of 1/7/2025 comes after it.
  expect(periodEnd({ year: 2025, half: 1 })).toEqual(new Date("2025-06-30T23:59:59.999+07:00"));
});

test("periods read and print as 2019-H1, 2019-H2 and 2019", () => {
  expect(periodParam.parse("2019-H1")).toEqual({ year: 2019, half: 1 });
  expect(periodParam.parse("2019")).toEqual({ year: 2019, half: 0 });
  for (const bad of ["2019-H3", "19-H1", "2019H1", "1899", ""]) expect(periodParam.safeParse(bad).success, bad).toBe(false);
  expect(formatPeriod({ year: 2025, half: 2 })).toBe("2025-H2");
  expect(formatPeriod({ year: 2016, half: 0 })).toBe("2016");
});
