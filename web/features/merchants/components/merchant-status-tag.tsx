import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { MerchantStatus } from "../../../../contracts/merchants.ts";

const colours: Record<MerchantStatus, string> = { open: "success", suspended: "warning", closed: "default" };

export function MerchantStatusTag({ status }: { status: MerchantStatus }) {
  const { t } = useTranslation();
  return <Tag color={colours[status]}>{t(`enum.merchantStatus.${status}`)}</Tag>;
}
