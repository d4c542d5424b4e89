// Numbers as Vietnamese write them (12.345; 49,5 %) in both languages: the figures come from Vietnamese reports.
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
// Intl rounds half away from zero ("half up" for shares): 24,95 % shows as 25,0 %; rules compare the exact fraction.
const share = new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const target = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

export const formatInteger = (value: number) => integer.format(value);
/** A computed share, to 0.1 %: "31,7 %"; no share (nothing to divide by) is "—". */
export const formatShare = (value: number | null) => (value === null ? "—" : share.format(value));
/** A target as its directive states it: "50 %", "25 %". */
export const formatTarget = (value: number) => target.format(value);
