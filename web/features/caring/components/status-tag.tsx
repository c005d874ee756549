import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** One coloured tag for any of the scheme's states: `kind` picks the label set in the caring namespace. */
export function StatusTag({ kind, value, colours }: { kind: string; value: string; colours: Record<string, string> }) {
  const { t } = useTranslation("caring");
  return <Tag color={colours[value] ?? "default"}>{t(`${kind}.${value}`)}</Tag>;
}
