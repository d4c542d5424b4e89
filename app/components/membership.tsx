import { useT } from "#app/i18n/i18n.ts";
import { formatInteger, formatShare } from "#app/i18n/numbers.ts";
import { membershipMessages } from "#app/i18n/vi/membership.ts";
import type { GatheringRate } from "#app/membership/gathering-rate.ts";

export const useNumber = () => formatInteger;

export function Percent({ value }: { value: number | null }) {
  return <>{formatShare(value)}</>;
}

/** "Tỷ lệ tập hợp = hội viên ÷ phụ nữ từ 18 tuổi = 1.900 ÷ 6.000 = 31,7 %": the one formula, with its inputs. */
export function RateFormula({ rate }: { rate: GatheringRate }) {
  const { t } = useT(membershipMessages);
  return (
    <p data-testid="rate-formula">
      {t("membership.formulaWith", { members: formatInteger(rate.members), women: formatInteger(rate.womenAdult), rate: formatShare(rate.rate) })}
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
