import { Alert, App, Button, Card, Descriptions, Empty, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { StationFilter } from "../../../components/station-filter.tsx";
import { usePitches, useSeasons, useUpdateSeason } from "../api/seasons.ts";
import type { Pitch, Season } from "../api/types.ts";
import { kindColour, seasonColour } from "../components/labels.ts";
import { NightMarketNav } from "../components/nav.tsx";
import { PaymentsCard } from "../components/payments-card.tsx";
import { MapLegend, PitchMap } from "../components/pitch-map.tsx";
import { PitchModal } from "../components/pitch-modal.tsx";
import { SeasonDrawer } from "../components/season-drawer.tsx";

/** 夜市季与摊位: the seasons with their nights, hours and rule; the chosen season's pitch map and pitches. */
export default function SeasonsPage() {
  const { t } = useTranslation("night-market");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["stationId", "seasonId"]);
  const stationId = list.idOf("stationId");
  const seasons = useSeasons(stationId);
  const chosenId = list.idOf("seasonId") ?? seasons.data?.[0]?.id;
  const season = seasons.data?.find((s) => s.id === chosenId);
  const pitches = usePitches(chosenId);
  const update = useUpdateSeason();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Pitch | null>(null);
  const manage = can("nightmarket.manage");
  const setStatus = async (s: Season, status: "open" | "closed") => {
    try {
      await update.mutateAsync({ id: s.id, status, version: s.version });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const last = pitches.data?.at(-1);
  const next = last
    ? { x: last.x + last.w + 6 > 980 ? 20 : last.x + last.w + 6, y: last.x + last.w + 6 > 980 ? last.y + last.h + 20 : last.y }
    : { x: 20, y: 720 };

  return (
    <Card>
      <NightMarketNav />
      <div style={{ display: "flex", gap: 12, alignItems: "center", marginBottom: 12, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("seasons.title")}
        </Typography.Title>
        <StationFilter value={stationId} onChange={(v) => list.search({ stationId: v, seasonId: undefined })} />
        <div style={{ flex: 1 }} />
        {manage && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="season-create">
            {t("seasons.create")}
          </Button>
        )}
      </div>
      {seasons.isError && <Alert type="error" showIcon title={errorMessage(seasons.error)} />}
      <Table<Season>
        rowKey="id"
        size="middle"
        loading={seasons.isFetching}
        dataSource={seasons.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("seasons.empty")} /> }}
        rowClassName={(r) => (r.id === chosenId ? "ant-table-row-selected" : "")}
        onRow={(r) => ({ onClick: () => list.search({ stationId, seasonId: r.id }), style: { cursor: "pointer" } })}
        columns={[
          { title: t("field.name"), dataIndex: "name", width: 200 },
          { title: t("field.dates"), key: "dates", width: 210, render: (_: unknown, r) => `${r.startsOn} ~ ${r.endsOn}` },
          { title: t("field.hours"), key: "hours", width: 120, render: (_: unknown, r) => `${r.opensAt}–${r.closesAt}` },
          { title: t("field.nights"), dataIndex: "nights", width: 90 },
          { title: t("field.pitches"), dataIndex: "pitches", width: 80 },
          { title: t("field.applications"), dataIndex: "applications", width: 80 },
          { title: t("field.rule"), dataIndex: "allocationRule", width: 100, render: (r: Season["allocationRule"]) => t(`rule.${r}`) },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 100,
            render: (s: Season["status"]) => <Tag color={seasonColour[s]}>{t(`seasonStatus.${s}`)}</Tag>,
          },
          ...(manage
            ? [
                {
                  title: t("common:actions"),
                  key: "actions",
                  width: 140,
                  render: (_: unknown, r: Season) =>
                    r.status === "draft" ? (
                      <Button type="link" size="small" onClick={() => setStatus(r, "open")} data-testid={`season-open-${r.id}`}>
                        {t("seasons.open")}
                      </Button>
                    ) : r.status !== "closed" ? (
                      <Button type="link" size="small" onClick={() => setStatus(r, "closed")}>
                        {t("seasons.close")}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {season && (
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={season.name}
          extra={manage && <Button onClick={() => setAdding(true)}>{t("seasons.addPitch")}</Button>}
        >
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: "deadline", label: t("field.deadline"), children: formatDateTime(season.applicationDeadline) },
              { key: "checkin", label: t("field.checkinBy"), children: season.checkinBy },
              { key: "max", label: t("field.maxPitches"), children: season.maxPitchesPerOperator },
              { key: "closed", label: t("field.closedNights"), children: season.closedNights.join("、") || "—" },
              { key: "suspend", label: t("field.suspendAfter"), children: season.suspendAfter },
              { key: "deposit", label: t("field.deposit"), children: formatYuan(season.depositFen) },
            ]}
          />
          <Typography.Title level={5}>{t("seasons.pitchMap")}</Typography.Title>
          {pitches.data?.length ? (
            <>
              <PitchMap pitches={pitches.data} onPick={manage ? setEditing : undefined} />
              <MapLegend />
            </>
          ) : (
            <Empty description={t("seasons.noPitches")} />
          )}
          <Table<Pitch>
            style={{ marginTop: 12 }}
            rowKey="id"
            onRow={(p) => ({ onClick: () => manage && setEditing(p), style: manage ? { cursor: "pointer" } : undefined })}
            size="small"
            dataSource={pitches.data ?? []}
            pagination={{ pageSize: 10, showTotal: (total) => t("common:total", { total }) }}
            columns={[
              { title: t("field.number"), dataIndex: "number", width: 80 },
              {
                title: t("field.kind"),
                dataIndex: "kind",
                width: 80,
                render: (k: Pitch["kind"]) => <Tag color={kindColour[k]}>{t(`kind.${k}`)}</Tag>,
              },
              { title: t("field.area"), dataIndex: "area", width: 90 },
              { title: t("field.power"), dataIndex: "powerWatts", width: 90 },
              { title: t("field.fee"), dataIndex: "feeFen", width: 120, render: formatYuan },
              { title: t("field.position"), key: "pos", render: (_: unknown, p) => `(${p.x}, ${p.y}) ${p.w}×${p.h}` },
            ]}
          />
        </Card>
      )}
      {season && <PaymentsCard seasonId={season.id} />}
      <SeasonDrawer open={creating} onClose={() => setCreating(false)} stationId={stationId} />
      {season && <PitchModal seasonId={season.id} open={adding} onClose={() => setAdding(false)} next={next} />}
      {season && editing && <PitchModal seasonId={season.id} open onClose={() => setEditing(null)} next={next} pitch={editing} />}
    </Card>
  );
}
