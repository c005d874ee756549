import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CertificationState, OccurrenceStatus, SignupStatus } from "../../../../contracts/volunteers.ts";
import { certificationColour, occurrenceColour, signupColour } from "./labels.ts";

export function SignupStatusTag({ status }: { status: SignupStatus }) {
  const { t } = useTranslation("volunteers");
  return <Tag color={signupColour[status]}>{t(`signupStatus.${status}`)}</Tag>;
}

export function CertificationTag({ state }: { state: CertificationState }) {
  const { t } = useTranslation("volunteers");
  return <Tag color={certificationColour[state]}>{t(`certification.${state}`)}</Tag>;
}

export function OccurrenceStatusTag({ status }: { status: OccurrenceStatus }) {
  const { t } = useTranslation("volunteers");
  return <Tag color={occurrenceColour[status]}>{t(`occurrenceStatus.${status}`)}</Tag>;
}
