import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Popconfirm, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { StationFilter } from "../../../components/station-filter.tsx";
import { useBoard, useCloseNight, useRecordCounts } from "../api/nights.ts";
import type { PitchNight } from "../api/types.ts";
import { CountsModal } from "../components/counts-modal.tsx";
import { IncidentModal } from "../components/incident-modal.tsx";
import { pitchNightColour } from "../components/labels.ts";
import { NightMarketNav } from "../components/nav.tsx";
import { MapLegend, PitchMap } from "../components/pitch-map.tsx";

/** 当晚看板: tonight's (or a chosen night's) pitches, who holds them and who is in, the offers, the counts and the close. */
export default function BoardPage() {
  const { t } = useTranslation("night-market");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["stationId", "night"]);
  const stationId = list.idOf("stationId");
  const board = useBoard(stationId, list.filters.night);
  const counts = useRecordCounts();
  const close = useCloseNight();
  const [counting, setCounting] = useState(false);
  const [incident, setIncident] = useState(false);
  const b = board.data;
  const manage = can("nightmarket.manage");
  const report = b?.report ?? null;

  return (
    <Card>
      <NightMarketNav />
      <div style={{ display: "flex", gap: 12, alignItems: "center", marginBottom: 12, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("board.title")}
        </Typography.Title>
        <StationFilter value={stationId} onChange={(v) => list.search({ stationId: v, night: list.filters.night })} />
        <DatePicker
          allowClear={false}
          value={b ? dayjs(b.night) : undefined}
          onChange={(d) => list.search({ stationId, night: d?.format("YYYY-MM-DD") })}
          aria-label={t("field.night")}
          data-testid="board-night"
        />
        <div style={{ flex: 1 }} />
        {manage && b?.open && (
          <Space>
            <Button onClick={() => setIncident(true)}>{t("board.incident")}</Button>
            <Button onClick={() => setCounting(true)} disabled={report?.status === "closed"} data-testid="board-counts">
              {t("board.counts")}
            </Button>
            <Popconfirm
              title={t("board.confirmClose")}
              onConfirm={async () => {
                if (!report) return;
                try {
                  await close.mutateAsync(report.id);
                } catch (error) {
                  message.error(errorMessage(error));
                }
              }}
            >
              <Button type="primary" danger disabled={!report || report.status === "closed"} data-testid="board-close">
                {t("board.closeNight")}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      {board.isError && <Alert type="error" showIcon title={errorMessage(board.error)} />}
      {b && !b.open && <Empty description={t("board.closedTonight")} />}
      {b?.open && b.season && (
        <>
          <Descriptions
            size="small"
            column={4}
            items={[
              { key: "season", label: t("field.season"), children: b.season.name },
              {
                key: "hours",
                label: t("field.hours"),
                children: b.window ? `${formatDateTime(b.window.start)} – ${formatDateTime(b.window.end)}` : "—",
              },
              { key: "checkin", label: t("field.checkinBy"), children: b.season.checkinBy },
              {
                key: "in",
                label: t("pitchNightStatus.checked_in"),
                children: `${b.pitchNights.filter((p) => p.status === "checked_in").length} / ${b.pitches.filter((p) => p.active).length}`,
              },
            ]}
          />
          <PitchMap pitches={b.pitches} held={b.pitchNights} />
          <MapLegend board />
          {report && (
            <Card size="small" title={t("board.report")} style={{ marginTop: 12 }} data-testid="board-report">
              <Descriptions
                size="small"
                column={4}
                items={[
                  {
                    key: "status",
                    label: t("field.status"),
                    children: <Tag color={report.status === "closed" ? "green" : "gold"}>{t(`nightStatus.${report.status}`)}</Tag>,
                  },
                  { key: "weather", label: t("field.weather"), children: report.weather ? t(`weather.${report.weather}`) : "—" },
                  {
                    key: "in",
                    label: t("field.visitorsIn"),
                    children: report.visitorsIn ?? report.counts.reduce((n, c) => n + c.visitorsIn, 0),
                  },
                  {
                    key: "turnover",
                    label: t("field.turnover"),
                    children: formatYuan(report.turnoverFen ?? report.takings.reduce((n, x) => n + x.amountFen, 0)),
                  },
                ]}
              />
            </Card>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("board.offers")}
          </Typography.Title>
          {b.offers.length ? (
            <Space wrap>
              {b.offers.map((o) => (
                <Tag key={o.id} color={o.status === "open" ? "orange" : "green"}>
                  {o.pitchNumber} · {t(`offerStatus.${o.status}`)}
                </Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t("board.noOffers")}</Typography.Text>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("board.pitchNights")}
          </Typography.Title>
          <Table<PitchNight>
            rowKey="id"
            size="small"
            dataSource={b.pitchNights}
            pagination={{ pageSize: 20, showTotal: (total) => t("common:total", { total }) }}
            columns={[
              { title: t("field.number"), dataIndex: "pitchNumber", width: 80 },
              { title: t("field.kind"), dataIndex: "pitchKind", width: 80, render: (k: PitchNight["pitchKind"]) => t(`kind.${k}`) },
              { title: t("field.operator"), dataIndex: "operatorName" },
              {
                title: t("field.status"),
                dataIndex: "status",
                width: 100,
                render: (s: PitchNight["status"]) => <Tag color={pitchNightColour[s]}>{t(`pitchNightStatus.${s}`)}</Tag>,
              },
              { title: t("field.checkedInAt"), dataIndex: "checkedInAt", width: 160, render: formatDateTime },
              {
                title: "",
                dataIndex: "source",
                width: 100,
                render: (s: PitchNight["source"]) => (s === "waiting_list" ? <Tag>{t("source.waiting_list")}</Tag> : null),
              },
            ]}
          />
          <CountsModal
            open={counting}
            onClose={() => setCounting(false)}
            report={report}
            busy={counts.isPending}
            onSubmit={(v) => counts.mutateAsync({ stationId, night: b.night, weather: v.weather, counts: v.counts })}
          />
          <IncidentModal open={incident} onClose={() => setIncident(false)} night={b.night} stationId={stationId} pitches={b.pitches} />
        </>
      )}
    </Card>
  );
}
