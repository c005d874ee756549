// 站点对比: the district's (or a street's) stations side by side on every comparable figure of the dictionary —
// values, ranks and red/yellow/green, "n of m stations reporting", a bar chart of the chosen figure, sorting by any
// figure, drill-down to a station, and the comparison as a spreadsheet.
import { Alert, Card, DatePicker, Drawer, Empty, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { stationDate } from "../../../../contracts/calendar.ts";
import type { FigureComparison, FigureDefinitionInfo } from "../../../../contracts/figures.ts";
import type { Onboarding } from "../../../../contracts/org.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useComparison, useFigureDefinitions } from "../api/compare.ts";
import { useOnboarding, useOrgTree } from "../api/org-units.ts";
import { figureName, formatFigure, plotted } from "../components/figure-format.ts";
import { OnboardingList, OnboardingTag } from "../components/onboarding-list.tsx";
import { RagLegend, RagMark, ragColours } from "../components/rag-mark.tsx";

const Chart = lazy(() => import("../components/compare-chart.tsx"));

type FigureRow = FigureComparison["figures"][number];
type Cell = FigureRow["values"][number];

interface StationRow {
  id: number;
  name: string;
  parentName: string | null;
  cells: Map<string, Cell>;
}

function ValueCell({ cell, def }: { cell: Cell | undefined; def: FigureDefinitionInfo | undefined }) {
  const { t } = useTranslation("district");
  if (!cell || cell.recordCount === 0) {
    return (
      <Typography.Text type="secondary" data-testid="not-reporting">
        {t("compare.notReporting")}
      </Typography.Text>
    );
  }
  return (
    <Space size={4} style={{ whiteSpace: "nowrap" }}>
      <RagMark rag={cell.rag} />
      <span>{formatFigure(cell.value, def)}</span>
      {cell.rank !== null && <Typography.Text type="secondary">#{cell.rank}</Typography.Text>}
    </Space>
  );
}

/** Rows sorted by a figure: reporting stations by value (the figure's better end first), then the silent ones. */
function sortRows(rows: StationRow[], figure: string, def: FigureDefinitionInfo | undefined, order: "asc" | "desc") {
  const lowerBetter = def?.thresholds?.direction === "lower";
  const key = (r: StationRow) => {
    const c = r.cells.get(figure);
    return c && c.recordCount > 0 && c.value !== null ? c.value : null;
  };
  return [...rows].sort((a, b) => {
    const va = key(a);
    const vb = key(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name, "zh-CN");
    if (va === null) return 1;
    if (vb === null) return -1;
    const better = lowerBetter ? va - vb : vb - va;
    return (order === "desc" ? better : -better) || a.name.localeCompare(b.name, "zh-CN");
  });
}

function StationDrawer({
  station,
  comparison,
  defs,
  period,
  onboarding,
  onClose,
}: {
  station: StationRow | null;
  comparison: FigureComparison | undefined;
  defs: Map<string, FigureDefinitionInfo>;
  period: string;
  onboarding: Onboarding | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation("district");
  const rows = (comparison?.figures ?? []).map((f) => ({ figure: f, cell: station?.cells.get(f.id) }));
  return (
    <Drawer
      open={station !== null}
      onClose={onClose}
      size={720}
      title={station ? t("compare.detailTitle", { name: station.name }) : ""}
      destroyOnHidden
      extra={
        station && (
          <Link to={`/figures?scope=station:${station.id}&period=${encodeURIComponent(period)}`} data-testid="open-station-figures">
            {t("compare.openFigures")}
          </Link>
        )
      }
    >
      {station && (
        <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="station-detail">
          <Typography.Text type="secondary">{station.parentName}</Typography.Text>
          {onboarding && (
            <Card size="small" title={t("onboarding.title")}>
              <OnboardingList onboarding={onboarding} />
            </Card>
          )}
          <Table
            rowKey={(r) => r.figure.id}
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                title: t("compare.figure"),
                key: "name",
                render: (_: unknown, r) => (
                  <Link to={`/figures?scope=station:${station.id}&period=${encodeURIComponent(period)}&figure=${r.figure.id}`}>
                    {figureName(defs.get(r.figure.id), r.figure.id)}
                  </Link>
                ),
              },
              {
                title: t("compare.value"),
                key: "value",
                align: "right",
                render: (_: unknown, r) => <ValueCell cell={r.cell} def={defs.get(r.figure.id)} />,
              },
              {
                title: t("compare.records"),
                key: "records",
                align: "right",
                width: 90,
                render: (_: unknown, r) => r.cell?.recordCount ?? 0,
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

export default function ComparePage() {
  const { t, i18n } = useTranslation("district");
  const me = useMe();
  const can = useCan();
  const list = useListParams(["period", "scope", "figure", "part", "station"]);
  const today = stationDate(new Date());
  const year = Number(today.slice(0, 4));
  const period = list.filters.period ?? "last12";
  const scope = list.filters.scope;
  const comparison = useComparison({ scope, period });
  const definitions = useFigureDefinitions();
  const tree = useOrgTree();
  const onboarding = useOnboarding(can("org.read"));
  const defs = useMemo(() => new Map((definitions.data ?? []).map((d) => [d.id, d])), [definitions.data]);
  const data = comparison.data;
  const figures = data?.figures ?? [];
  const partOf = (id: string) => defs.get(id)?.part ?? null;
  const part = list.filters.part ? Number(list.filters.part) : undefined;
  const chosen = figures.find((f) => f.id === list.filters.figure) ?? figures[0];
  const chosenDef = chosen ? defs.get(chosen.id) : undefined;
  const sortBy = list.sort && figures.some((f) => f.id === list.sort) ? list.sort : chosen?.id;
  const order = list.sort ? list.order : "desc";
  const onboardingOf = new Map((onboarding.data ?? []).map((o) => [o.stationId, o]));

  const rows: StationRow[] = useMemo(
    () =>
      (data?.stations ?? []).map((s) => ({
        ...s,
        cells: new Map((data?.figures ?? []).map((f) => [f.id, f.values.find((v) => v.stationId === s.id) as Cell])),
      })),
    [data],
  );
  const sorted = sortBy ? sortRows(rows, sortBy, defs.get(sortBy), order) : rows;
  const station = rows.find((r) => String(r.id) === list.filters.station) ?? null;

  const streets = (tree.data ?? []).filter((u) => u.kind === "street");
  const periodOptions = [
    { value: "last12", label: t("compare.periods.last12") },
    { value: "last30", label: t("compare.periods.last30") },
    { value: String(year), label: t("compare.periods.thisYear", { year }) },
    { value: String(year - 1), label: t("compare.periods.lastYear", { year: year - 1 }) },
  ];
  const monthValue = /^\d{4}-\d{2}$/.test(period) ? dayjs(`${period}-01`) : null;

  const figureOptions = [1, 2, 3, 4, null].flatMap((p) => {
    const inPart = figures.filter((f) => partOf(f.id) === p);
    if (inPart.length === 0) return [];
    return [
      {
        label: t(`compare.parts.${p ?? "other"}`),
        title: t(`compare.parts.${p ?? "other"}`),
        options: inPart.map((f) => ({ value: f.id, label: figureName(defs.get(f.id), f.id) })),
      },
    ];
  });
  const shownFigures = part ? figures.filter((f) => partOf(f.id) === part) : figures;

  const option = useMemo(() => {
    if (!chosen) return null;
    const ordered = sortRows(rows, chosen.id, chosenDef, "desc");
    const notReporting = t("compare.notReporting");
    const many = ordered.length > 24;
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 56, right: 24, top: 24, bottom: many ? 120 : ordered.length > 6 ? 88 : 40 },
      xAxis: {
        type: "category",
        data: ordered.map((r) => r.name),
        // Few stations read level; many turn their names to fit.
        axisLabel: { rotate: ordered.length > 6 ? 30 : 0, interval: 0, width: 110, overflow: "truncate" },
      },
      yAxis: { type: "value" },
      ...(many ? { dataZoom: [{ type: "slider", start: 0, end: Math.min(100, (24 / ordered.length) * 100), bottom: 8 }] } : {}),
      series: [
        {
          type: "bar",
          name: figureName(chosenDef, chosen.id),
          barMaxWidth: 36,
          data: ordered.map((r) => {
            const c = r.cells.get(chosen.id);
            const reporting = c && c.recordCount > 0;
            return {
              value: reporting ? plotted(c.value, chosenDef) : 0,
              itemStyle: { color: !reporting ? ragColours.none : c.rag ? ragColours[c.rag] : "#c8161d" },
              // A station without records says so rather than showing a 0 of its own.
              ...(reporting ? {} : { label: { formatter: notReporting, color: ragColours.none } }),
            };
          }),
          label: { show: !many, position: "top", fontSize: 11 },
        },
      ],
    };
  }, [rows, chosen, chosenDef, t]);

  if (me.stations.length <= 1) {
    return (
      <Card>
        <Alert type="info" showIcon title={t("compare.oneStation")} />
      </Card>
    );
  }

  const columns: ColumnsType<StationRow> = [
    {
      title: t("compare.rank"),
      key: "rank",
      width: 72,
      fixed: "left",
      align: "right",
      render: (_: unknown, r) => {
        const c = sortBy ? r.cells.get(sortBy) : undefined;
        return c && c.recordCount > 0 && c.rank !== null ? c.rank : "—";
      },
    },
    {
      title: t("compare.station"),
      key: "station",
      width: 200,
      fixed: "left",
      render: (_: unknown, r) => (
        <Typography.Link onClick={() => list.update({ station: r.id }, true)} data-testid={`station-${r.id}`}>
          {r.name}
        </Typography.Link>
      ),
    },
    { title: t("compare.community"), dataIndex: "parentName", key: "community", width: 120, ellipsis: true },
    ...(can("org.read")
      ? [
          {
            title: t("compare.onboarding"),
            key: "onboarding",
            width: 96,
            render: (_: unknown, r: StationRow) => <OnboardingTag onboarding={onboardingOf.get(r.id)} />,
          },
        ]
      : []),
    ...shownFigures.map((f) => {
      const def = defs.get(f.id);
      return {
        title: (
          <span title={def?.definition[i18n.language === "en" ? "en" : "zh-CN"]}>
            {figureName(def, f.id)}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: "normal" }}>
              {t("compare.reporting", { n: f.reporting, m: f.of })}
            </Typography.Text>
          </span>
        ),
        key: f.id,
        width: 168,
        align: "right" as const,
        sorter: true,
        sortOrder: sortBy === f.id ? (order === "desc" ? ("descend" as const) : ("ascend" as const)) : null,
        className: f.id === chosen?.id ? "district-chosen" : undefined,
        render: (_: unknown, r: StationRow) => <ValueCell cell={r.cells.get(f.id)} def={def} />,
      };
    }),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
            {t("compare.title")}
          </Typography.Title>
          <Select
            aria-label={t("compare.scope")}
            data-testid="scope-select"
            style={{ width: 180 }}
            value={scope ?? ""}
            onChange={(v: string) => list.update({ scope: v || undefined, station: undefined })}
            // The account's own unit first (the whole district, or a street officer's street), then the streets below it.
            options={[
              { value: "", label: me.orgUnitName || t("compare.wholeDistrict") },
              ...streets.filter((s) => s.id !== me.orgUnitId).map((s) => ({ value: `street:${s.id}`, label: s.name })),
            ]}
          />
          <Select
            aria-label={t("compare.period")}
            data-testid="period-select"
            style={{ width: 160 }}
            value={periodOptions.some((o) => o.value === period) ? period : undefined}
            placeholder={period}
            onChange={(v: string) => list.update({ period: v === "last12" ? undefined : v })}
            options={periodOptions}
          />
          <DatePicker
            picker="month"
            aria-label={t("compare.periods.month")}
            placeholder={t("compare.periods.month")}
            value={monthValue}
            onChange={(d) => list.update({ period: d ? d.format("YYYY-MM") : undefined })}
            disabledDate={(d) => d.isAfter(dayjs(today), "month")}
          />
          <Select
            aria-label={t("compare.figure")}
            data-testid="figure-select"
            showSearch={{ optionFilterProp: "label" }}
            style={{ width: 260 }}
            value={chosen?.id}
            onChange={(v: string) => list.update({ figure: v, sort: undefined, order: undefined })}
            options={figureOptions}
          />
          <div style={{ flex: 1 }} />
          <ExportButton path="/api/org/compare" query={{ scope, period }} name="district-compare" />
        </div>
        <Typography.Paragraph type="secondary" style={{ margin: "12px 0 0" }}>
          {t("compare.hint")}
          {data && ` · ${t("compare.computedAt", { at: formatDateTime(data.computedAt) })} · ${data.from} ~ ${data.to}`}
        </Typography.Paragraph>
      </Card>
      {comparison.isError && <Alert type="error" showIcon title={errorMessage(comparison.error)} />}
      <Card
        title={chosen ? t("compare.chartTitle", { name: figureName(chosenDef, chosen.id) }) : t("compare.title")}
        extra={
          chosen && (
            <Tag color={chosen.reporting === chosen.of ? "success" : "warning"} title={t("compare.reportingHint")} data-testid="reporting">
              {t("compare.reporting", { n: chosen.reporting, m: chosen.of })}
            </Tag>
          )
        }
      >
        {comparison.isPending || definitions.isPending ? (
          <Skeleton active />
        ) : !option ? (
          <Empty description={t("compare.noFigures")} />
        ) : (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <RagLegend />
            <Suspense fallback={<Skeleton active />}>
              <Chart
                option={option}
                height={rows.length > 6 ? 340 : 300}
                testId="compare-chart"
                label={t("compare.chartLabel", { name: figureName(chosenDef, chosen?.id ?? "") })}
                onClick={(item) => {
                  const hit = rows.find((r) => r.name === item.name);
                  if (hit) list.update({ station: hit.id }, true);
                }}
              />
            </Suspense>
          </Space>
        )}
      </Card>
      <Card
        title={
          <Select
            aria-label={t("compare.part")}
            data-testid="part-select"
            variant="borderless"
            style={{ width: 200 }}
            value={part ?? 0}
            onChange={(v: number) => list.update({ part: v || undefined })}
            options={[
              { value: 0, label: t("compare.allParts") },
              ...[1, 2, 3, 4]
                .filter((p) => figures.some((f) => partOf(f.id) === p))
                .map((p) => ({ value: p, label: t(`compare.parts.${p}`) })),
            ]}
          />
        }
        extra={<Typography.Text type="secondary">{t("compare.ofStations", { n: rows.length })}</Typography.Text>}
      >
        <Table<StationRow>
          rowKey="id"
          size="middle"
          data-testid="compare-table"
          loading={comparison.isFetching}
          dataSource={sorted}
          columns={columns}
          scroll={{ x: tableWidth(columns) }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            if (!one?.order) list.update({ sort: undefined, order: undefined }, true);
            else list.update({ sort: String(one.columnKey), order: one.order === "ascend" ? "asc" : "desc" }, true);
          }}
          locale={{ emptyText: <Empty description={t("compare.noFigures")} /> }}
        />
      </Card>
      <StationDrawer
        station={station}
        comparison={data}
        defs={defs}
        period={period}
        onboarding={station ? onboardingOf.get(station.id) : undefined}
        onClose={() => list.update({ station: undefined }, true)}
      />
    </Space>
  );
}
