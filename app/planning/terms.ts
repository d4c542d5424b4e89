/** "2025-2030" as people write it: "2025–2030". */
export const termName = (key: string) => key.replace("-", "–");
