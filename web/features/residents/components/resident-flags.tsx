import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Resident } from "../../../../contracts/residents.ts";

export function ResidentFlags({ resident }: { resident: Resident }) {
  const { t } = useTranslation("residents");
  return (
    <>
      {resident.isLiaisonHead && <Tag color="red">{t("field.isLiaisonHead")}</Tag>}
      {resident.isElderly && <Tag color="gold">{t("elderly")}</Tag>}
      {resident.livesAlone && <Tag color="orange">{t("field.livesAlone")}</Tag>}
    </>
  );
}
