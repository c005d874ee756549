import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { DevelopmentStage, Member } from "../../../../contracts/party.ts";
import { stageColours } from "./labels.ts";

export function StageTag({ stage }: { stage: DevelopmentStage }) {
  const { t } = useTranslation("party");
  return (
    <Tag color={stageColours[stage]} data-testid="case-stage">
      {t(`stage.${stage}`)}
    </Tag>
  );
}

const memberColours = { probationary: "orange", full: "red", transferred_out: "default" } as const;

export function MemberStatusTag({ status }: { status: Member["status"] }) {
  const { t } = useTranslation("party");
  return <Tag color={memberColours[status]}>{t(`memberStatus.${status}`)}</Tag>;
}
