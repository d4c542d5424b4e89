import { unitLevels, type UnitLevel } from "./unit-path.ts";

// The kinds a unit of each level may be; OrgUnit.kind stores the key, the label is units.kind.<key>.
export const kindsByLevel = {
  province: ["tinh", "thanh_pho"],
  district: ["thanh_pho", "thi_xa", "huyen", "quan"],
  commune: ["xa", "phuong", "thi_tran", "dac_khu"],
  branch: ["ap", "khom", "phi_dia_ban"],
  group: ["to_hoi"],
} as const satisfies Record<UnitLevel, readonly string[]>;

export type UnitKind = (typeof kindsByLevel)[UnitLevel][number];
export const unitKinds = [...new Set(Object.values(kindsByLevel).flat())] as UnitKind[];

export const isUnitKind = (value: string): value is UnitKind => (unitKinds as string[]).includes(value);
export const isUnitLevel = (value: string): value is UnitLevel => (unitLevels as readonly string[]).includes(value);

/** A unit sits below units of a higher level only (since 2025 a commune sits right below its province). */
export function canContain(parentLevel: string, childLevel: string) {
  return isUnitLevel(parentLevel) && isUnitLevel(childLevel) && unitLevels.indexOf(parentLevel) < unitLevels.indexOf(childLevel);
}

export const levelLabel = (level: UnitLevel) => `units.level.${level}` as const;
export const kindLabel = (kind: UnitKind) => `units.kind.${kind}` as const;
