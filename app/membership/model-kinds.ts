// The kinds of union model (mô hình); labels are in the message files (models.kind.*).
export const modelKinds = ["club", "savings", "livelihood", "other"] as const;
