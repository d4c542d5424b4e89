import { expect, test } from "vitest";
import { readiness, type CadreFacts, type Requirement } from "./readiness.ts";

const requires: Requirement[] = [
  { kind: "party_member", value: "yes", source: "Điều lệ Đảng" },
  { kind: "theory_level", value: "trung_cap", source: "tiêu chuẩn" },
  { kind: "course", value: "nghi-quyet", source: "CV 819" },
  { kind: "course", value: "van-dong", source: "CV 819" },
];
const cadre = (over: Partial<CadreFacts> = {}): CadreFacts => ({ theoryLevel: "trung_cap", partyMember: true, completedCourses: new Set(["nghi-quyet", "van-dong"]), agesOut: null, ...over });

test("ready when every item is met; cao cấp meets a trung cấp minimum", () => {
  expect(readiness(requires, cadre())).toEqual({ state: "ready", gaps: [], blockers: [] });
  expect(readiness(requires, cadre({ theoryLevel: "cao_cap" })).state).toBe("ready");
});

test("ready except N items: each missing course and a theory level below the minimum, named", () => {
  const result = readiness(requires, cadre({ theoryLevel: "so_cap", completedCourses: new Set(["van-dong"]) }));
  expect(result.state).toBe("gaps");
  expect(result.gaps).toEqual([
    { kind: "theory_level", level: "trung_cap", source: "tiêu chuẩn" },
    { kind: "course", course: "nghi-quyet", source: "CV 819" },
  ]);
});

test("not ready: what training cannot close (Party membership, retiring before the term ends), gaps still named", () => {
  const result = readiness(requires, cadre({ partyMember: false, theoryLevel: null, completedCourses: new Set() }));
  expect(result.state).toBe("not_ready");
  expect(result.blockers).toEqual([{ kind: "party_member", source: "Điều lệ Đảng" }]);
  expect(result.gaps).toHaveLength(3);
  expect(readiness([], cadre({ agesOut: { source: "QĐ 377" } }))).toEqual({ state: "not_ready", gaps: [], blockers: [{ kind: "ages_out", source: "QĐ 377" }] });
});

test("a position with no requirements in force: ready", () => {
  expect(readiness([], cadre({ partyMember: false, theoryLevel: null, completedCourses: new Set() })).state).toBe("ready");
});
