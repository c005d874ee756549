import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Need, Offer, Project } from "../../../../contracts/lists.ts";

const needColours: Record<Need["status"], string> = { open: "gold", matched: "blue", in_project: "processing", closed: "default" };
const projectColours: Record<Project["status"], string> = {
  planned: "default",
  active: "processing",
  completed: "success",
  cancelled: "error",
};

export function NeedStatusTag({ status }: { status: Need["status"] }) {
  const { t } = useTranslation("lists");
  return <Tag color={needColours[status]}>{t(`needStatus.${status}`)}</Tag>;
}

export function OfferStatusTag({ status }: { status: Offer["status"] }) {
  const { t } = useTranslation("lists");
  return <Tag color={status === "active" ? "success" : "default"}>{t(`offerStatus.${status}`)}</Tag>;
}

export function ProjectStatusTag({ status }: { status: Project["status"] }) {
  const { t } = useTranslation("lists");
  return <Tag color={projectColours[status]}>{t(`projectStatus.${status}`)}</Tag>;
}
