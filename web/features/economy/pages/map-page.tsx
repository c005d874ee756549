import { Alert, App, Button, Card, Descriptions, Drawer, Segmented, Space, Switch, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type MapLayer, type MarketMap, mapLayers } from "../../../../contracts/economy.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { useMarketMap, useMoveStall } from "../api/console.ts";

type Stall = MarketMap["stalls"][number];
type Pitch = MarketMap["pitches"][number];

/** Night-market pitches: a pale fill by kind under a dashed outline, so they never read as stalls. */
const pitchColours: Record<string, { fill: string; stroke: string }> = {
  food: { fill: "#fff7ed", stroke: "#c2410c" },
  goods: { fill: "#eff6ff", stroke: "#1d4ed8" },
  games: { fill: "#f5f3ff", stroke: "#6d28d9" },
};

const categoryColours: Record<string, string> = {
  supermarket: "#2563eb",
  catering: "#dc2626",
  non_staple_food: "#d97706",
  fruit_vegetable: "#16a34a",
  pharmacy: "#7c3aed",
  other: "#64748b",
};
const statusColours: Record<string, string> = { open: "#16a34a", suspended: "#d97706", closed: "#6b7280" };
const caringColours: Record<string, string> = {
  certified: "#dc2626",
  applied: "#f59e0b",
  inspected: "#f59e0b",
  suspended: "#9ca3af",
  revoked: "#4b5563",
};
const EMPTY = "#e5e7eb";

/** A colour scale from pale to deep red for amounts (relief, consumption), by the stall's share of the largest. */
function shade(value: number, max: number) {
  if (value <= 0 || max <= 0) return "#f8fafc";
  const t = Math.min(1, value / max);
  const light = Math.round(92 - t * 50);
  return `hsl(0, 72%, ${light}%)`;
}

/** Dark text on pale stalls, white on deep ones. */
function inkOn(fill: string) {
  const hsl = /hsl\(\d+, \d+%, (\d+)%\)/.exec(fill);
  if (hsl) return Number(hsl[1]) < 62 ? "#ffffff" : "#1c1917";
  return ["#f8fafc", EMPTY].includes(fill) ? "#1c1917" : "#ffffff";
}

function colourOf(s: Stall, layer: MapLayer, max: { relief: number; consumption: number }) {
  if (s.merchantId === null) return EMPTY;
  switch (layer) {
    case "category":
      return categoryColours[s.category ?? "other"] ?? EMPTY;
    case "status":
      return statusColours[s.status ?? "open"] ?? EMPTY;
    case "relief":
      return shade(s.reliefFen, max.relief);
    case "findings":
      return s.findings > 0 ? (s.findings > 1 ? "#b91c1c" : "#f87171") : "#f8fafc";
    case "caring":
      return s.caringStatus ? (caringColours[s.caringStatus] ?? "#f59e0b") : "#f8fafc";
    case "consumption":
      return shade(s.consumptionFen, max.consumption);
  }
}

function layerValue(s: Stall, layer: MapLayer, t: (k: string) => string): string {
  if (s.merchantId === null) return t("map.vacant");
  if (layer === "relief") return formatYuan(s.reliefFen);
  if (layer === "consumption") return formatYuan(s.consumptionFen);
  if (layer === "findings") return String(s.findings);
  if (layer === "caring") return s.caringStatus ? t(`caring:shopStatus.${s.caringStatus}`) : "—";
  if (layer === "status") return t(`common:enum.merchantStatus.${s.status}`);
  return t(`common:enum.category.${s.category}`);
}

type Drag = { id: number; mode: "move" | "resize"; startX: number; startY: number; orig: { x: number; y: number; w: number; h: number } };

/** What the outlines mean: a stall is solid, a night-market pitch dashed. */
function Legend({ pitches }: { pitches: boolean }) {
  const { t } = useTranslation("economy");
  const swatch = (dashed: boolean, fill: string, stroke: string) => (
    <svg width="22" height="14" aria-hidden style={{ verticalAlign: -2, marginRight: 6 }}>
      <rect
        x="1"
        y="1"
        width="20"
        height="12"
        rx="2"
        fill={fill}
        stroke={stroke}
        strokeWidth="1.5"
        strokeDasharray={dashed ? "4 3" : undefined}
      />
    </svg>
  );
  return (
    <div style={{ display: "flex", gap: 20, flexWrap: "wrap", fontSize: 13, color: "#57534e", marginTop: 10 }} data-testid="map-legend">
      <span>
        {swatch(false, "#e7e5e4", "#78716c")}
        {t("map.legendStall")}
      </span>
      {pitches &&
        (["food", "goods", "games"] as const).map((k) => (
          <span key={k}>
            {swatch(true, pitchColours[k].fill, pitchColours[k].stroke)}
            {t("map.legendPitch", { kind: t(`map.pitchKind.${k}`) })}
          </span>
        ))}
    </div>
  );
}

/** 市场平面图: the stalls drawn where they stand, coloured by the chosen layer; a stall opens its merchant's file; staff move and resize stalls by dragging. */
export default function MapPage() {
  const { t } = useTranslation(["economy", "caring"]);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const list = useListParams(["layer", "pitches"]);
  const showPitches = list.filters.pitches !== "off";
  const [pitch, setPitch] = useState<Pitch | null>(null);
  const layer = (mapLayers as readonly string[]).includes(list.filters.layer ?? "") ? (list.filters.layer as MapLayer) : "category";
  const map = useMarketMap();
  const move = useMoveStall();
  const [editing, setEditing] = useState(false);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [draft, setDraft] = useState<Record<number, { x: number; y: number; w: number; h: number }>>({});
  const svg = useRef<SVGSVGElement>(null);
  const data = map.data;
  const max = {
    relief: Math.max(0, ...(data?.stalls ?? []).map((s) => s.reliefFen)),
    consumption: Math.max(0, ...(data?.stalls ?? []).map((s) => s.consumptionFen)),
  };
  const toPlan = (e: React.PointerEvent) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || !data) return { x: 0, y: 0 };
    return { x: ((e.clientX - box.left) / box.width) * data.width, y: ((e.clientY - box.top) / box.height) * data.height };
  };
  const start = (e: React.PointerEvent, s: Stall, mode: Drag["mode"]) => {
    if (!editing) return;
    e.stopPropagation();
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const p = toPlan(e);
    setDrag({ id: s.id, mode, startX: p.x, startY: p.y, orig: draft[s.id] ?? { x: s.x, y: s.y, w: s.w, h: s.h } });
  };
  const moveTo = (e: React.PointerEvent) => {
    if (!drag) return;
    const p = toPlan(e);
    const dx = Math.round(p.x - drag.startX);
    const dy = Math.round(p.y - drag.startY);
    const o = drag.orig;
    const next =
      drag.mode === "move"
        ? { ...o, x: Math.max(0, o.x + dx), y: Math.max(0, o.y + dy) }
        : { ...o, w: Math.max(10, o.w + dx), h: Math.max(10, o.h + dy) };
    setDraft((d) => ({ ...d, [drag.id]: next }));
  };
  const end = async () => {
    if (!drag) return;
    const s = data?.stalls.find((x) => x.id === drag.id);
    const next = draft[drag.id];
    setDrag(null);
    if (!s || !next || (next.x === s.x && next.y === s.y && next.w === s.w && next.h === s.h)) return;
    try {
      await move.mutateAsync({ id: s.id, ...next, version: s.version });
      message.success(t("map.saved", { code: s.code }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDraft((d) => {
        const { [s.id]: _done, ...rest } = d;
        return rest;
      });
    }
  };
  return (
    <Card>
      <div style={{ display: "flex", alignItems: "center", gap: 16, flexWrap: "wrap", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("menu.map")}
        </Typography.Title>
        <Segmented
          value={layer}
          onChange={(v) => list.update({ layer: String(v) })}
          options={mapLayers.map((l) => ({ value: l, label: t(`map.layer.${l}`) }))}
          data-testid="map-layer"
        />
        <div style={{ flex: 1 }} />
        {(data?.pitches.length ?? 0) > 0 && (
          <Space>
            <Switch
              checked={showPitches}
              onChange={(on) => list.update({ pitches: on ? undefined : "off" })}
              data-testid="map-pitches"
              aria-label={t("map.pitches")}
            />
            {t("map.pitches")}
          </Space>
        )}
        {can("stall.write") && (
          <Space>
            <Switch checked={editing} onChange={setEditing} data-testid="map-edit" aria-label={t("map.edit")} />
            {t("map.edit")}
          </Space>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        {editing ? t("map.editHint") : t("map.hint")}
        {!editing && (layer === "relief" || layer === "consumption") && ` ${t("map.scale")}`}
        {showPitches && data?.pitchSeason && ` ${t("map.pitchesHint", { season: data.pitchSeason.name })}`}
      </Typography.Paragraph>
      {map.isError && <Alert type="error" showIcon title={errorMessage(map.error)} />}
      {data && (
        <svg
          ref={svg}
          viewBox={`0 0 ${data.width} ${data.height}`}
          style={{ width: "100%", background: "#fafaf9", border: "1px solid #e7e5e4", borderRadius: 8, touchAction: "none" }}
          onPointerMove={moveTo}
          onPointerUp={end}
          role="img"
          aria-label={t("menu.map")}
          data-testid="market-map"
        >
          {data.stalls.map((s) => {
            const r = draft[s.id] ?? s;
            const fill = colourOf(s, layer, max);
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it takes the role, focus and Enter itself
              <g
                key={s.id}
                data-testid={`stall-${s.code}`}
                style={{ cursor: editing ? "move" : s.merchantId ? "pointer" : "default" }}
                onPointerDown={(e) => start(e, s, "move")}
                role="button"
                tabIndex={s.merchantId ? 0 : -1}
                aria-label={`${s.code} ${s.merchantName ?? t("map.vacant")}`}
                onClick={() => !editing && s.merchantId && navigate(`/merchant-files/${s.merchantId}`)}
                onKeyDown={(e) => e.key === "Enter" && s.merchantId && navigate(`/merchant-files/${s.merchantId}`)}
              >
                <title>{`${s.code} ${s.merchantName ?? ""} · ${layerValue(s, layer, t)}`}</title>
                <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={4} fill={fill} stroke="#78716c" strokeWidth={1} />
                <text x={r.x + 4} y={r.y + 14} fontSize={11} fill={inkOn(fill)}>
                  {s.code}
                </text>
                <text x={r.x + 4} y={r.y + 28} fontSize={9} fill={inkOn(fill)}>
                  {(s.merchantName ?? t("map.vacant")).slice(0, 4)}
                </text>
                {editing && (
                  <rect
                    x={r.x + r.w - 8}
                    y={r.y + r.h - 8}
                    width={8}
                    height={8}
                    fill="#1c1917"
                    style={{ cursor: "nwse-resize" }}
                    onPointerDown={(e) => start(e, s, "resize")}
                    data-testid={`stall-resize-${s.code}`}
                  />
                )}
              </g>
            );
          })}
          {showPitches && data.pitchSeason && data.pitches.length > 0 && (
            <g data-testid="map-pitch-layer" pointerEvents={editing ? "none" : undefined} opacity={editing ? 0.4 : 1}>
              <text
                x={Math.min(...data.pitches.map((p) => p.x))}
                y={Math.min(...data.pitches.map((p) => p.y)) - 8}
                fontSize={12}
                fill="#57534e"
                fontWeight={600}
              >
                {t("map.pitchArea", { season: data.pitchSeason.name })}
              </text>
              {data.pitches.map((p) => {
                const c = pitchColours[p.kind] ?? pitchColours.goods;
                return (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it takes the role, focus and Enter itself
                  <g
                    key={`pitch-${p.id}`}
                    data-testid={`pitch-${p.number}`}
                    role="button"
                    tabIndex={0}
                    aria-label={`${t("map.pitch")} ${p.number} ${p.operatorName ?? t("map.unallocated")}`}
                    style={{ cursor: "pointer" }}
                    opacity={p.active ? 1 : 0.45}
                    onClick={() => setPitch(p)}
                    onKeyDown={(e) => e.key === "Enter" && setPitch(p)}
                  >
                    <title>{`${t("map.pitch")} ${p.number} · ${t(`map.pitchKind.${p.kind}`)} · ${p.operatorName ?? t("map.unallocated")}`}</title>
                    <rect
                      x={p.x}
                      y={p.y}
                      width={p.w}
                      height={p.h}
                      rx={2}
                      fill={pitch?.id === p.id ? "#fde68a" : c.fill}
                      stroke={c.stroke}
                      strokeWidth={1.5}
                      strokeDasharray="4 3"
                    />
                    <text x={p.x + p.w / 2} y={p.y + p.h / 2 + 4} textAnchor="middle" fontSize={11} fill={c.stroke} fontWeight={600}>
                      {p.number}
                    </text>
                  </g>
                );
              })}
            </g>
          )}
        </svg>
      )}
      {data && <Legend pitches={showPitches && data.pitches.length > 0} />}
      <Drawer
        open={pitch !== null}
        onClose={() => setPitch(null)}
        size={380}
        mask={false}
        title={pitch ? `${t("map.pitch")} ${pitch.number}` : ""}
        data-testid="pitch-drawer"
      >
        {pitch && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t("map.pitchSeason")}>{data?.pitchSeason?.name}</Descriptions.Item>
              <Descriptions.Item label={t("map.pitchKindLabel")}>{t(`map.pitchKind.${pitch.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t("map.operator")}>{pitch.operatorName ?? t("map.unallocated")}</Descriptions.Item>
              <Descriptions.Item label={t("field.merchant")}>{pitch.merchantName ?? t("map.notMerchant")}</Descriptions.Item>
              {!pitch.active && <Descriptions.Item label={t("field.status")}>{t("map.pitchInactive")}</Descriptions.Item>}
            </Descriptions>
            {pitch.merchantId !== null && (
              <Button
                type="primary"
                style={{ marginTop: 16 }}
                onClick={() => navigate(`/merchant-files/${pitch.merchantId}`)}
                data-testid="pitch-file"
              >
                {t("map.openFile")}
              </Button>
            )}
          </>
        )}
      </Drawer>
    </Card>
  );
}
