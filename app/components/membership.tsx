import { useT } from "#app/i18n/i18n.ts";
import { membershipMessages } from "#app/i18n/vi/membership.ts";
import type { GatheringRate } from "#app/membership/gathering-rate.ts";

// Numbers as Vietnamese write them (12.345; 49,5 %) in both languages: the figures come from Vietnamese reports.
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

const target = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

export const useNumber = () => (value: number) => integer.format(value);

/** A target as its directive states it: "50%", "80%". */
export const formatTarget = (value: number) => target.format(value);

export function Percent({ value }: { value: number | null }) {
  return <>{value === null ? "—" : percent.format(value)}</>;
}

/** "Tỷ lệ tập hợp = hội viên ÷ phụ nữ từ 18 tuổi = 1.900 ÷ 6.000 = 31,7 %": the one formula, with its inputs. */
export function RateFormula({ rate }: { rate: GatheringRate }) {
  const { t } = useT(membershipMessages);
  return (
    <p data-testid="rate-formula">
      {t("membership.formulaWith", { members: integer.format(rate.members), women: integer.format(rate.womenAdult), rate: rate.rate === null ? "—" : percent.format(rate.rate) })}
    </p>
  );
}

/** "2019-H1" → "6 tháng 1 năm 2019", "2016" → "Năm 2016". */
export function usePeriodName() {
  const { t } = useT(membershipMessages);
  return (param: string) => {
    const [year, half] = param.split("-H");
    return half ? t("membership.periodHalf", { half, year: year! }) : t("membership.periodYear", { year: year! });
  };
}
