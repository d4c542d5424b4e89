export const unitSelect = { id: true, code: true, name: true, level: true, kind: true, path: true, parentId: true, validFrom: true, validTo: true } as const;
