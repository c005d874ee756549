// The pieces of 志愿服务统计: each figure's citation (出处) and the drawer listing the records behind a figure's row.
import { Alert, Descriptions, Drawer, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Citation, VolunteerFigureId } from "../../../../contracts/volunteer-figures.ts";
import { hoursOf } from "../../../../contracts/volunteer-records.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { type FiguresQuery, useFigureDrill, type VolunteerFigures } from "../api/figures.ts";

type FigureRecord = NonNullable<VolunteerFigures["drill"]>["records"][number];

/** 出处: the figure's scope, period, when it was computed and from how many records (with their set's hash). */
export function CitationLine({ citation, stations }: { citation: Citation; stations: Map<number, string> }) {
  const { t } = useTranslation("volunteers");
  const scope =
    citation.stationIds === null
      ? t("figures.allStations")
      : citation.stationIds.map((id) => stations.get(id) ?? `#${id}`).join("、") || t("figures.noStation");
  return (
    <Typography.Text
      type="secondary"
      style={{ fontSize: 12, display: "block", marginTop: 8 }}
      title={t("figures.hash", { hash: citation.recordSetHash })}
      data-testid={`citation-${citation.figure}`}
    >
      {t("figures.citation", {
        scope,
        from: citation.from,
        to: citation.to,
        at: formatDateTime(citation.computedAt),
        count: citation.recordCount,
        hash: citation.recordSetHash.slice(0, 12),
      })}
    </Typography.Text>
  );
}

export interface DrillTarget {
  figure: VolunteerFigureId;
  key?: string;
  label: string;
}

/** The records behind one row of a figure: they add up to it; the citation covers exactly them. */
export function DrillDrawer({
  query,
  target,
  stations,
  onClose,
}: {
  query: FiguresQuery;
  target: DrillTarget | null;
  stations: Map<number, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation("volunteers");
  const drill = useFigureDrill(query, target ? { figure: target.figure, key: target.key } : null);
  const d = drill.data?.drill;
  const counts = target?.figure === "served_by_kind";
  const days = target?.figure === "activity_days";
  return (
    <Drawer open={target !== null} onClose={onClose} size={760} title={target?.label} destroyOnHidden data-testid="figure-drill">
      {drill.isError && <Alert type="error" showIcon title={errorMessage(drill.error)} />}
      {d && (
        <>
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("figures.drillRecords")}>{d.total}</Descriptions.Item>
            <Descriptions.Item label={counts ? t("figures.drillPeople") : days ? t("figures.drillOccurrences") : t("figures.drillHours")}>
              {counts
                ? d.records.reduce((n, r) => n + (r.count ?? 0), 0)
                : days
                  ? d.records.length
                  : t("roster.hours", { hours: hoursOf(d.records.reduce((n, r) => n + (r.minutes ?? 0), 0)) })}
            </Descriptions.Item>
          </Descriptions>
          {d.total > d.records.length && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("figures.drillLimited", { shown: d.records.length, total: d.total })}
            />
          )}
        </>
      )}
      <Table<FigureRecord>
        rowKey="ref"
        size="small"
        loading={drill.isFetching}
        dataSource={d?.records ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="figure-drill-table"
        columns={[
          { title: t("records.date"), dataIndex: "date", width: 100 },
          { title: t("figures.activity"), dataIndex: "title", ellipsis: true },
          { title: t("field.realName"), dataIndex: "volunteerName", width: 100, render: (v: string | null) => v ?? "—" },
          counts
            ? { title: t("served.count"), dataIndex: "count", width: 70, align: "right" as const }
            : {
                title: t("records.hours"),
                dataIndex: "minutes",
                width: 80,
                align: "right" as const,
                render: (m: number | null) => (m === null ? "—" : hoursOf(m)),
              },
          {
            title: t("figures.ref"),
            dataIndex: "ref",
            width: 150,
            ellipsis: true,
            render: (ref: string, r) => (
              <span
                title={`${ref} · ${stations.get(r.stationId) ?? ""}`}
                style={{ fontFamily: "ui-monospace, Menlo, monospace", fontSize: 12 }}
              >
                {ref}
              </span>
            ),
          },
        ]}
      />
      {d && <CitationLine citation={d.citation} stations={stations} />}
    </Drawer>
  );
}
