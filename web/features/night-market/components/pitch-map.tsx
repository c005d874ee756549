// The pitch map: pitches drawn where they stand on the market's map (the stalls' coordinates), coloured by kind;
// on the night's board each shows whether its operator is in.
import { useTranslation } from "react-i18next";
import type { Pitch, PitchNight } from "../api/types.ts";
import { kindColour } from "./labels.ts";

export function PitchMap({ pitches, held, onPick }: { pitches: Pitch[]; held?: PitchNight[]; onPick?: (p: Pitch) => void }) {
  const { t } = useTranslation("night-market");
  if (pitches.length === 0) return null;
  const minX = Math.min(...pitches.map((p) => p.x)) - 10;
  const minY = Math.min(...pitches.map((p) => p.y)) - 10;
  // At least a stretch of the market's width, so a few pitches show at the map's scale rather than blown up.
  const width = Math.max(Math.max(...pitches.map((p) => p.x + p.w)) - minX + 10, 980);
  const height = Math.max(Math.max(...pitches.map((p) => p.y + p.h)) - minY + 10, 120);
  const byPitch = new Map((held ?? []).map((h) => [h.pitchId, h]));
  return (
    <svg
      viewBox={`${minX} ${minY} ${width} ${height}`}
      style={{ width: "100%", maxHeight: 260, background: "#fafafa", border: "1px solid #f0f0f0", borderRadius: 6 }}
      role="img"
      aria-label={t("seasons.map")}
      data-testid="pitch-map"
    >
      {pitches.map((p) => {
        const h = byPitch.get(p.id);
        const fill = held ? (h?.status === "checked_in" ? kindColour[p.kind] : h ? "#ffe7ba" : "#fff") : kindColour[p.kind];
        const text = held && h?.status !== "checked_in" ? "#333" : "#fff";
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: the table below the map offers the same action
          <g key={p.id} onClick={() => onPick?.(p)} style={{ cursor: onPick ? "pointer" : undefined }} opacity={p.active ? 1 : 0.35}>
            <title>{`${p.number} · ${t(`kind.${p.kind}`)}${h ? ` · ${h.operatorName} · ${t(`pitchNightStatus.${h.status}`)}` : ""}`}</title>
            <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={4} fill={fill} stroke={kindColour[p.kind]} strokeWidth={2} />
            <text x={p.x + p.w / 2} y={p.y + p.h / 2 + 4} textAnchor="middle" fontSize={12} fill={text} fontWeight={600}>
              {p.number}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function MapLegend({ board }: { board?: boolean }) {
  const { t } = useTranslation("night-market");
  const sw = (c: string, border = c) => (
    <span
      style={{
        display: "inline-block",
        width: 12,
        height: 12,
        background: c,
        border: `2px solid ${border}`,
        borderRadius: 3,
        marginRight: 4,
        verticalAlign: -2,
      }}
    />
  );
  return (
    <div style={{ display: "flex", gap: 16, fontSize: 13, marginTop: 6, flexWrap: "wrap" }}>
      {(["food", "goods", "games"] as const).map((k) => (
        <span key={k}>
          {sw(kindColour[k])}
          {t(`kind.${k}`)}
        </span>
      ))}
      {board && (
        <>
          <span>
            {sw("#ffe7ba", "#999")}
            {t("pitchNightStatus.allocated")}
          </span>
          <span>
            {sw("#fff", "#999")}
            {t("board.free")}
          </span>
        </>
      )}
    </div>
  );
}
