// 指标: the dictionary grouped by the report's four parts, each figure's value for a scope (a station, a street or
// the district in the reader's reach, `?scope=station:3`) and period (the last twelve months, a year, a month), with
// red/yellow/green where thresholds mean something; every value a link to its records; search, filters, export.
import { Card, Empty, Input, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { shiftMonth, stationDate, stationMonth } from "../../../../contracts/calendar.ts";
import type { FigureDefinitionInfo, FigureValue } from "../../../../contracts/figures.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { FigureLink } from "../../../components/figure-link.tsx";
import { useFigureDefinitions, useFigureValues } from "../api/figures.ts";

const ragColour = { green: "green", yellow: "gold", red: "red" } as const;

interface Row {
  d: FigureDefinitionInfo;
  v: FigureValue | undefined;
}

export default function FiguresPage() {
  const { t, i18n } = useTranslation("figures");
  const language = i18n.language === "en" ? "en" : "zh-CN";
  const me = useMe();
  const list = useListParams(["scope", "period", "part", "module"]);
  const now = new Date();
  const month = stationMonth(now);
  const year = Number(stationDate(now).slice(0, 4));

  const scopes = useMemo(() => {
    const out = me.stations.map((s) => ({ value: `station:${s.id}`, label: s.name }));
    if (me.orgUnitKind === "street" || me.orgUnitKind === "district")
      out.unshift({ value: `${me.orgUnitKind}:${me.orgUnitId}`, label: me.orgUnitName });
    const asked = list.filters.scope;
    if (asked && !out.some((o) => o.value === asked)) out.push({ value: asked, label: asked });
    return out;
  }, [me, list.filters.scope]);
  const scope = list.filters.scope ?? scopes[0]?.value;
  const period = list.filters.period ?? "last12";

  const defs = useFigureDefinitions();
  const values = useFigureValues({ scope, period });
  const byId = new Map((values.data ?? []).map((v) => [v.id, v]));

  const q = list.q.trim().toLowerCase();
  const rows: Row[] = (defs.data ?? [])
    .filter((d) => !scope || d.scopes.includes(scope.split(":")[0] as FigureDefinitionInfo["scopes"][number]))
    .filter((d) => !list.filters.part || String(d.part ?? "none") === list.filters.part)
    .filter((d) => !list.filters.module || d.module === list.filters.module)
    .filter(
      (d) => !q || [d.id, d.name["zh-CN"], d.name.en, d.definition["zh-CN"], d.definition.en].some((x) => x.toLowerCase().includes(q)),
    )
    .map((d) => ({ d, v: byId.get(d.id) }));
  const parts = [...new Set(rows.map((r) => String(r.d.part ?? "none")))].sort();
  const modules = [...new Set((defs.data ?? []).map((d) => d.module))].sort();

  const periodOptions = [
    { label: t("periods.last12"), value: "last12" },
    {
      label: t("periods.years"),
      options: [year, year - 1].map((y) => ({ label: t("periods.year", { year: y }), value: String(y) })),
    },
    {
      label: t("periods.months"),
      options: Array.from({ length: 12 }, (_, i) => shiftMonth(month, -i)).map((m) => ({ label: m, value: m })),
    },
  ];

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <div style={{ marginRight: "auto" }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t("title")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
          </div>
          <Space wrap>
            {scopes.length > 1 && (
              <Select
                aria-label={t("scope")}
                data-testid="figures-scope"
                style={{ width: 200 }}
                value={scope}
                options={scopes}
                onChange={(v) => list.update({ scope: v })}
              />
            )}
            <Select
              aria-label={t("period")}
              data-testid="figures-period"
              style={{ width: 150 }}
              value={period}
              options={periodOptions}
              onChange={(v) => list.update({ period: v === "last12" ? undefined : v })}
            />
            <ExportButton
              path="/api/figures"
              file="/api/figures/export"
              query={{ scope, period, part: list.filters.part === "none" ? undefined : list.filters.part }}
              name={`figures-${period}`}
            />
          </Space>
        </div>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, marginTop: 12 }}>
          <Input.Search
            allowClear
            data-testid="figures-search"
            placeholder={t("search")}
            defaultValue={list.q}
            onSearch={(v) => list.update({ q: v })}
            style={{ width: 320 }}
          />
          <Select
            allowClear
            aria-label={t("allParts")}
            placeholder={t("allParts")}
            style={{ width: 320 }}
            value={list.filters.part}
            onChange={(v) => list.update({ part: v })}
            options={["1", "2", "3", "4", "none"].map((p) => ({ value: p, label: t(`parts.${p}`) }))}
          />
          <Select
            allowClear
            aria-label={t("module")}
            placeholder={t("allModules")}
            style={{ width: 180 }}
            value={list.filters.module}
            onChange={(v) => list.update({ module: v })}
            options={modules.map((m) => ({ value: m, label: t(`modules.${m}`, { defaultValue: m }) }))}
          />
        </div>
        {values.error && (
          <Typography.Text type="danger" style={{ display: "block", marginTop: 8 }}>
            {errorMessage(values.error)}
          </Typography.Text>
        )}
      </Card>
      {rows.length === 0 && !defs.isLoading && (
        <Card>
          <Empty description={t("empty")} />
        </Card>
      )}
      {parts.map((p) => (
        <Card
          key={p}
          title={t(`parts.${p}`)}
          style={{ marginBottom: 16 }}
          data-testid={`figures-part-${p}`}
          styles={{ body: { padding: 0 } }}
        >
          <Table<Row>
            size="middle"
            rowKey={(r) => r.d.id}
            pagination={false}
            loading={values.isFetching}
            dataSource={rows.filter((r) => String(r.d.part ?? "none") === p)}
            columns={[
              {
                title: t("columns.name"),
                key: "name",
                render: (_, r) => (
                  <div>
                    <Tooltip title={r.d.definition[language]}>
                      <span style={{ fontWeight: 500 }}>{r.d.name[language]}</span>
                    </Tooltip>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.d.id}
                      </Typography.Text>
                      {r.d.personal && (
                        <Tag style={{ marginLeft: 8, fontSize: 11 }} bordered={false}>
                          {t("personal")}
                        </Tag>
                      )}
                    </div>
                  </div>
                ),
              },
              {
                title: t("columns.value"),
                key: "value",
                width: 200,
                align: "right",
                render: (_, r) =>
                  r.v ? (
                    <span style={{ fontSize: 16, fontWeight: 600 }}>
                      <FigureLink id={r.d.id} value={r.v} scope={scope} period={period} />
                    </span>
                  ) : (
                    "—"
                  ),
              },
              {
                title: t("columns.rag"),
                key: "rag",
                width: 90,
                render: (_, r) => (r.v?.rag ? <Tag color={ragColour[r.v.rag]}>{t(`rag.${r.v.rag}`)}</Tag> : null),
              },
              { title: t("columns.period"), key: "period", width: 160, render: (_, r) => t(`periodKind.${r.d.period}`) },
              {
                title: t("columns.records"),
                key: "records",
                width: 90,
                align: "right",
                render: (_, r) => r.v?.citation.recordCount.toLocaleString("en-US") ?? "—",
              },
              {
                title: t("columns.module"),
                key: "module",
                width: 150,
                render: (_, r) => t(`modules.${r.d.module}`, { defaultValue: r.d.module }),
              },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
