// Common family, middle and given names in the Mekong delta, for demo people and tests.
const families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Lâm", "Tô", "Châu", "Quách", "Thạch", "Danh"];
const femaleMiddle = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Hồng", "Mỹ", "Thu", "Bích", "Diễm", "Cẩm"];
const femaleGiven = ["Lan", "Hoa", "Hương", "Thảo", "Trang", "Nga", "Hạnh", "Diễm", "Nhung", "Tuyết", "Loan", "Phượng", "Mai", "Yến", "Trinh", "Ngân", "Thúy", "Hằng", "Liên", "Xuân", "Cúc", "Đào", "Quyên", "Nhi", "Vân", "Bé Ba", "Út", "Sương", "Ánh", "Kiều"];
const maleMiddle = ["Văn", "Văn", "Minh", "Hoàng", "Quốc", "Thanh", "Công", "Hữu"];
const maleGiven = ["Hùng", "Dũng", "Tuấn", "Phúc", "Tài", "Khang", "Sơn", "Hải", "Long", "Nam", "Thắng", "Lợi", "Bình", "Tâm"];

/** A small deterministic PRNG (mulberry32) so the same seed always yields the same demo data. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int };
}

export type Random = ReturnType<typeof randomSource>;

export function vietnameseName(random: Random, gender: "female" | "male") {
  return gender === "female"
    ? `${random.pick(families)} ${random.pick(femaleMiddle)} ${random.pick(femaleGiven)}`
    : `${random.pick(families)} ${random.pick(maleMiddle)} ${random.pick(maleGiven)}`;
}

// Khmer families in Bạc Liêu mostly carry the family names Thạch, Danh, Sơn, Kim, Lâm, Lý, Trà, Triệu.
const khmerFamilies = ["Thạch", "Danh", "Sơn", "Kim", "Lâm", "Lý", "Trà", "Triệu"];
const khmerFemaleGiven = ["Thị Sa Ri", "Thị Sô Phia", "Thị Chanh Đa", "Thị Sà Rết", "Thị Thươl", "Thị Sóc Khe", "Thị Ma Ly", "Thị Sa Vy", "Thị Đa Ra", "Thị Phol"];
const khmerMaleGiven = ["Văn Sóc", "Sa Rinh", "Văn Chanh", "Phước Sa", "Văn Thươl", "Sô Phon", "Văn Mến"];
const hoaFamilies = ["Lâm", "Quách", "Lý", "Trương", "Tăng", "Hứa", "Lưu", "Mạc"];

export function nameOf(random: Random, gender: "female" | "male", ethnicity: "kinh" | "khmer" | "hoa") {
  if (ethnicity === "khmer") return `${random.pick(khmerFamilies)} ${random.pick(gender === "female" ? khmerFemaleGiven : khmerMaleGiven)}`;
  const name = vietnameseName(random, gender);
  return ethnicity === "hoa" ? `${random.pick(hoaFamilies)} ${name.slice(name.indexOf(" ") + 1)}` : name;
}
