import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { RequestStatus } from "../../../../contracts/counter.ts";
import { hearts } from "../../../../contracts/counter.ts";
import { formatYuan } from "../../../app/money.ts";

export const statusColour: Record<RequestStatus, string> = {
  booked: "blue",
  waiting: "gold",
  handling: "processing",
  forwarded: "purple",
  done: "green",
  cancelled: "default",
  missed: "red",
};

export function StatusTag({ status, overdue }: { status: RequestStatus; overdue?: boolean }) {
  const { t } = useTranslation("counter");
  return (
    <span style={{ whiteSpace: "nowrap" }}>
      <Tag color={statusColour[status]}>{t(`status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t("overdue")}</Tag>}
    </span>
  );
}

/** 0 days: done on the spot (即办). */
export function useTimeLimit() {
  const { t } = useTranslation("counter");
  return (days: number) => (days === 0 ? t("timeLimit.immediate") : t("timeLimit.days", { count: days }));
}

export function useFee() {
  const { t } = useTranslation("counter");
  return (fen: number) => (fen === 0 ? t("fee.free") : formatYuan(fen));
}

/** The five hearts' average, one decimal. */
export function heartsAverage(r: Record<(typeof hearts)[number], number>): number {
  return hearts.reduce((sum, h) => sum + r[h], 0) / hearts.length;
}

export { hearts };
