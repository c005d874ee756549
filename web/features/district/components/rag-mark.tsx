// Red, yellow or green said three ways — colour, a distinct icon, and a word (on hover and to screen readers) — so
// the state never rests on colour alone.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined } from "@ant-design/icons";
import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Rag } from "../../../../contracts/figures.ts";

export const ragColours = { green: "#389e0d", yellow: "#d48806", red: "#cf1322", none: "#8c8c8c" } as const;

export function RagMark({ rag }: { rag: Rag }) {
  const { t } = useTranslation("district");
  if (!rag) return null;
  const label = t(`compare.legend.${rag}`);
  const style = { color: ragColours[rag] };
  const icon =
    rag === "green" ? (
      <CheckCircleFilled style={style} />
    ) : rag === "yellow" ? (
      <ExclamationCircleFilled style={style} />
    ) : (
      <CloseCircleFilled style={style} />
    );
  return (
    <span role="img" aria-label={label} title={label} data-rag={rag}>
      {icon}
    </span>
  );
}

/** What the marks mean, next to the table and the chart. */
export function RagLegend() {
  const { t } = useTranslation("district");
  return (
    <Space size={16} wrap data-testid="rag-legend" aria-label={t("compare.legend.title")}>
      {(["green", "yellow", "red"] as const).map((r) => (
        <Space key={r} size={4}>
          <RagMark rag={r} />
          <Typography.Text>{t(`compare.legend.${r}`)}</Typography.Text>
        </Space>
      ))}
      <Space size={4}>
        <MinusCircleOutlined style={{ color: ragColours.none }} aria-hidden />
        <Typography.Text type="secondary">{t("compare.legend.notReporting")}</Typography.Text>
      </Space>
    </Space>
  );
}
