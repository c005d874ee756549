import { Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { LendingSummary } from "../api/types.ts";

const parts = [
  { key: "available", colour: "#52c41a" },
  { key: "lent", colour: "#1677ff" },
  { key: "damaged", colour: "#fa8c16" },
  { key: "lost", colour: "#fa541c" },
] as const;

/** A small picture of the shelf: per kind, a bar of what is in, out, damaged and lost, with the counts. */
export function Availability({ summary }: { summary: LendingSummary }) {
  const { t } = useTranslation("lending");
  const kinds = summary.kinds.filter((k) => k.available + k.lent + k.damaged + k.lost > 0);
  return (
    <div style={{ display: "grid", gap: 10 }} data-testid="lending-availability">
      {kinds.map((k) => {
        const total = k.available + k.lent + k.damaged + k.lost;
        return (
          <div key={k.kind} style={{ display: "grid", gridTemplateColumns: "72px 1fr 150px", alignItems: "center", gap: 12 }}>
            <Typography.Text strong>{t(`kind.${k.kind}`)}</Typography.Text>
            <div style={{ display: "flex", height: 14, borderRadius: 7, overflow: "hidden", background: "#f0f0f0" }}>
              {parts.map((p) =>
                k[p.key] > 0 ? (
                  <Tooltip key={p.key} title={`${t(`itemStatus.${p.key}`)} ${k[p.key]}`}>
                    <div style={{ width: `${(k[p.key] / total) * 100}%`, background: p.colour }} />
                  </Tooltip>
                ) : null,
              )}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: "nowrap" }}>
              <span style={{ color: "#237804", fontWeight: 600 }} data-testid={`available-${k.kind}`}>
                {t("inventory.onShelf")} {k.available}
              </span>
              {" / "}
              {total}
              {k.lent > 0 && ` · ${t("inventory.out")} ${k.lent}`}
            </Typography.Text>
          </div>
        );
      })}
      <div style={{ display: "flex", gap: 16, flexWrap: "wrap", fontSize: 12, color: "#888" }}>
        {parts.map((p) => (
          <span key={p.key}>
            <span style={{ display: "inline-block", width: 10, height: 10, borderRadius: 2, background: p.colour, marginRight: 4 }} />
            {t(`itemStatus.${p.key}`)}
          </span>
        ))}
      </div>
    </div>
  );
}
