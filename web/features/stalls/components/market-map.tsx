import { Empty, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Stall } from "../../../../contracts/stalls.ts";
import { categoryColours, colourOf, vacantColour } from "../../../app/category-colours.ts";

/** The market floor: each stall drawn at its x, y, w, h, coloured by its merchant's category. */
export function MarketMap({ stalls, onOpen }: { stalls: Stall[]; onOpen: (stall: Stall) => void }) {
  const { t } = useTranslation("stalls");
  if (stalls.length === 0) return <Empty description={t("noMap")} />;
  const pad = 10;
  const minX = Math.min(...stalls.map((s) => s.x)) - pad;
  const minY = Math.min(...stalls.map((s) => s.y)) - pad;
  const maxX = Math.max(...stalls.map((s) => s.x + s.w)) + pad;
  const maxY = Math.max(...stalls.map((s) => s.y + s.h)) + pad;
  const width = maxX - minX;
  const height = maxY - minY;

  return (
    <div>
      <Space wrap size={[16, 4]} style={{ marginBottom: 8 }}>
        {Object.entries(categoryColours).map(([category, colour]) => (
          <Space key={category} size={4}>
            <span style={{ display: "inline-block", width: 12, height: 12, background: colour, borderRadius: 2 }} />
            <Typography.Text style={{ fontSize: 12 }}>{t(`common:enum.category.${category}`)}</Typography.Text>
          </Space>
        ))}
        <Space size={4}>
          <span
            style={{
              display: "inline-block",
              width: 12,
              height: 12,
              background: vacantColour,
              border: "1px dashed #999",
              borderRadius: 2,
            }}
          />
          <Typography.Text style={{ fontSize: 12 }}>{t("vacant")}</Typography.Text>
        </Space>
      </Space>
      <svg
        viewBox={`${minX} ${minY} ${width} ${height}`}
        style={{ width: "100%", maxHeight: 520, background: "#fafafa", border: "1px solid #f0f0f0", borderRadius: 6 }}
        role="img"
        aria-label={t("map")}
        data-testid="market-map"
      >
        {stalls.map((s) => {
          const fontSize = Math.max(6, Math.min(s.w / 4, s.h / 3, 16));
          return (
            // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the group is focusable and answers Enter and Space.
            <g
              key={s.id}
              role="button"
              tabIndex={0}
              aria-label={s.merchantName ? `${s.code} ${s.merchantName}` : `${s.code} ${t("vacant")}`}
              onClick={() => onOpen(s)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") onOpen(s);
              }}
              style={{ cursor: "pointer", outline: "none" }}
              data-stall={s.code}
            >
              <title>
                {s.code}
                {s.merchantName ? ` · ${s.merchantName}` : ` · ${t("vacant")}`}
              </title>
              <rect
                x={s.x}
                y={s.y}
                width={s.w}
                height={s.h}
                rx={2}
                fill={colourOf(s.merchantCategory)}
                fillOpacity={s.merchantId ? 0.85 : 1}
                stroke={s.merchantId ? "#fff" : "#999"}
                strokeDasharray={s.merchantId ? undefined : "3 2"}
                strokeWidth={1}
              />
              <text
                x={s.x + s.w / 2}
                y={s.y + s.h / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={fontSize}
                fill={s.merchantId ? "#fff" : "#595959"}
                style={{ pointerEvents: "none", userSelect: "none" }}
              >
                {s.code}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
