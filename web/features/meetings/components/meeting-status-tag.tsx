import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ActionItem, Meeting } from "../../../../contracts/meetings.ts";

const meetingColours: Record<Meeting["status"], string> = { scheduled: "processing", held: "success", cancelled: "default" };

export function MeetingStatusTag({ status }: { status: Meeting["status"] }) {
  const { t } = useTranslation("meetings");
  return <Tag color={meetingColours[status]}>{t(`status.${status}`)}</Tag>;
}

export function ActionItemStatusTag({ item }: { item: Pick<ActionItem, "status" | "overdue"> }) {
  const { t } = useTranslation("meetings");
  if (item.status === "open" && item.overdue) return <Tag color="error">{t("itemOverdue")}</Tag>;
  const colour = item.status === "done" ? "success" : item.status === "open" ? "processing" : "default";
  return <Tag color={colour}>{t(`itemStatus.${item.status}`)}</Tag>;
}
