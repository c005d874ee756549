import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ProblemStatus } from "../../../../contracts/problems.ts";

export const problemStatusColours: Record<ProblemStatus, string> = {
  submitted: "gold",
  accepted: "blue",
  rejected: "default",
  assigned: "geekblue",
  in_progress: "processing",
  resolved: "cyan",
  confirmed: "success",
  reopened: "volcano",
};

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const { t } = useTranslation("problems");
  return <Tag color={problemStatusColours[status]}>{t(`status.${status}`)}</Tag>;
}
