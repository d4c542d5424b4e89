import { describe, expect, test } from "vitest";
import { isoDay, vietnamDay } from "#app/org/days.ts";
import { retirementDay, retirementTable, servesWholeTerm } from "./retirement-age.ts";

const born = (y: number, m: number, d = 15) => vietnamDay(y, m, d)!;
const retires = (gender: string, y: number, m: number) => isoDay(retirementDay({ gender, birthDate: born(y, m), birthYear: null })!);

describe("the retirement age rises each year (BLLĐ 2019 Điều 169, NĐ 135/2020)", () => {
  test("women: 55 before 2021, then 4 months a year up to 60", () => {
    expect(retires("female", 1965, 12)).toBe("2021-01-01"); // 55: December 2020, retired from January 2021
    expect(retires("female", 1966, 1)).toBe("2021-06-01"); // 55y4m: May 2021
    expect(retires("female", 1966, 8)).toBe("2022-01-01"); // 55y4m: December 2021
    expect(retires("female", 1966, 9)).toBe("2022-06-01"); // 55y8m: May 2022
    expect(retires("female", 1969, 5)).toBe("2026-06-01"); // 57: May 2026
    expect(retires("female", 1975, 4)).toBe("2035-01-01"); // 59y8m: December 2034
    expect(retires("female", 1975, 5)).toBe("2035-06-01"); // 60: May 2035
    expect(retires("female", 1990, 3)).toBe("2050-04-01"); // 60, the final age
  });

  test("men: 60 before 2021, then 3 months a year up to 62", () => {
    expect(retires("male", 1960, 12)).toBe("2021-01-01");
    expect(retires("male", 1961, 1)).toBe("2021-05-01"); // 60y3m: April 2021
    expect(retires("male", 1961, 10)).toBe("2022-05-01"); // 60y6m: April 2022
    expect(retires("male", 1966, 3)).toBe("2028-01-01"); // 61y9m: December 2027
    expect(retires("male", 1966, 4)).toBe("2028-05-01"); // 62: April 2028
  });

  test("every row of the table is the statute's step: one step a year, each row a year's births", () => {
    for (const [gender, step, cap] of [["female", 4, 60 * 12], ["male", 3, 62 * 12]] as const) {
      const ages = retirementTable[gender].map((r) => r.years * 12 + r.months);
      for (let i = 1; i < ages.length; i++) expect(ages[i]! - ages[i - 1]!).toBe(step);
      expect(ages.at(-1)).toBe(cap);
      // a row's last birth month plus its age falls in December: each row covers the births of one retirement year
      for (const row of retirementTable[gender].slice(1, -1)) expect((row.bornUntil + row.years * 12 + row.months) % 12).toBe(11);
    }
  });

  test("a birth year alone counts as January, the earliest; an unknown birth never warns", () => {
    expect(isoDay(retirementDay({ gender: "female", birthDate: null, birthYear: 1971 })!)).toBe("2028-10-01"); // 57y8m: September 2028
    expect(retirementDay({ gender: "female", birthDate: null, birthYear: null })).toBeNull();
    expect(servesWholeTerm({ gender: "female", birthDate: null, birthYear: null }, vietnamDay(2030, 7, 1)!)).toBe(true);
  });

  test("a full term: she serves 2025–2030 only if she retires on or after its end", () => {
    const end = vietnamDay(2030, 7, 1)!;
    expect(servesWholeTerm({ gender: "female", birthDate: born(1972, 1), birthYear: null }, end)).toBe(false); // 58y4m: May 2030
    expect(servesWholeTerm({ gender: "female", birthDate: born(1972, 2), birthYear: null }, end)).toBe(true); // June 2030: retired from 1 July
    expect(servesWholeTerm({ gender: "male", birthDate: born(1968, 6), birthYear: null }, end)).toBe(true); // 62: June 2030
    expect(servesWholeTerm({ gender: "male", birthDate: born(1968, 5), birthYear: null }, end)).toBe(false);
  });
});
