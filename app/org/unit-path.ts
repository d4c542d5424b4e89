// Materialized path of ids: "/<root id>/…/<own id>/". A unit's subtree is every path with its path as prefix.
export function unitPath(parentPath: string | null, id: string) {
  return `${parentPath ?? "/"}${id}/`;
}

export function ancestorIds(path: string) {
  return path.split("/").filter(Boolean);
}

export const unitLevels = ["province", "district", "commune", "branch", "group"] as const;
export type UnitLevel = (typeof unitLevels)[number];
