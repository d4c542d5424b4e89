import path from "node:path";

export const testDataDir = path.resolve("data/test");
export const templateDb = path.join(testDataDir, "template.db");
