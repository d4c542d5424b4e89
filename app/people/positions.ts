// The positions a cadre can hold, by key; PositionHolding.position and required courses store the key,
// the label lives in the message files (people.position.<key>).
export const positions = [
  "hoi_chu_tich",
  "hoi_pho_chu_tich",
  "hoi_uy_vien_ban_thuong_vu",
  "hoi_uy_vien_ban_chap_hanh",
  "hoi_truong_ban",
  "chi_hoi_truong",
  "chi_hoi_pho",
  "to_truong_to_phu_nu",
  "bao_cao_vien",
  "dang_bi_thu",
  "dang_pho_bi_thu",
  "dang_uy_vien_ban_thuong_vu",
  "dang_uy_vien_ban_chap_hanh",
  "mat_tran_pho_chu_tich",
] as const;
export type Position = (typeof positions)[number];

export const isPosition = (value: string): value is Position => (positions as readonly string[]).includes(value);

export const positionLabel = (position: Position) => `people.position.${position}` as const;
