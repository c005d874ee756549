import { Alert, App, Button, Card, Descriptions, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applicationStatuses, pitchKinds } from "../../../../contracts/night-market.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type ApplicationListQuery, useApplications, useReview } from "../api/applications.ts";
import { useAllocation, useRunAllocation, useSeasons, useVerifyAllocation } from "../api/seasons.ts";
import type { Application } from "../api/types.ts";
import { applicationColour, kindColour } from "../components/labels.ts";
import { NightMarketNav } from "../components/nav.tsx";

/** 报名与分配: a season's applications reviewed, then its allocation run by the season's rule, the lottery's seed shown. */
export default function ApplicationsPage() {
  const { t } = useTranslation("night-market");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["seasonId", "status", "kind", "stationId"]);
  const stationId = list.idOf("stationId");
  const seasons = useSeasons(stationId);
  const seasonId = list.idOf("seasonId") ?? seasons.data?.[0]?.id;
  const season = seasons.data?.find((s) => s.id === seasonId);
  const stationField = useStationField();
  const query: ApplicationListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    seasonId,
    status: list.filters.status as Application["status"],
    kind: list.filters.kind as Application["kind"],
    stationId,
  };
  const applications = useApplications(query);
  const review = useReview();
  const allocated = season?.status === "allocated" || season?.status === "closed";
  const allocation = useAllocation(seasonId, allocated);
  const run = useRunAllocation(seasonId);
  const verify = useVerifyAllocation();
  const [seed, setSeed] = useState("");
  const manage = can("nightmarket.manage");
  const decide = async (a: Application, approve: boolean) => {
    try {
      await review.mutateAsync({ id: a.id, approve });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const actions = useActionsColumn<Application>(
    (a) =>
      a.status === "submitted" && (
        <>
          <Button type="link" size="small" onClick={() => decide(a, true)} data-testid={`approve-${a.id}`}>
            {t("applications.approve")}
          </Button>
          <Popconfirm title={t("applications.reject")} onConfirm={() => decide(a, false)}>
            <Button type="link" size="small" danger>
              {t("applications.reject")}
            </Button>
          </Popconfirm>
        </>
      ),
    { width: 130, show: manage, rows: applications.data?.items },
  );
  const columns = [
    { title: t("field.operator"), dataIndex: "operatorName", width: 160, fixed: "left" as const },
    {
      title: t("field.operatorKind"),
      dataIndex: "operatorKind",
      width: 100,
      render: (k: Application["operatorKind"]) => t(`operatorKind.${k}`),
    },
    {
      title: t("field.kind"),
      dataIndex: "kind",
      width: 70,
      render: (k: Application["kind"]) => <Tag color={kindColour[k]}>{t(`kind.${k}`)}</Tag>,
    },
    { title: t("field.goods"), dataIndex: "goods", width: 110 },
    {
      title: t("field.merchantRecord"),
      key: "record",
      width: 130,
      render: (_: unknown, a: Application) =>
        a.merchantId === null ? (
          "—"
        ) : (
          <>
            {a.merchantFindings ? <Tag color="red">{t("field.findings", { count: a.merchantFindings })}</Tag> : null}
            {a.caringShopStatus ? (
              <Tag color={a.caringShopStatus === "certified" ? "gold" : "default"}>{t(`caringShop.${a.caringShopStatus}`)}</Tag>
            ) : null}
            {!a.merchantFindings && !a.caringShopStatus ? "—" : null}
          </>
        ),
    },
    { title: t("field.pitchesWanted"), dataIndex: "pitchesWanted", width: 90 },
    { title: t("field.foodLicence"), dataIndex: "foodLicenceNo", width: 140, render: (v: string | null) => v ?? "—" },
    { title: t("field.submittedAt"), dataIndex: "submittedAt", width: 140, render: formatDateTime },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 90,
      render: (s: Application["status"]) => <Tag color={applicationColour[s]}>{t(`applicationStatus.${s}`)}</Tag>,
    },
    ...actions,
  ];
  const runNow = async () => {
    try {
      await run.mutateAsync(seed.trim() ? { seed: seed.trim() } : {});
      message.success(t("applications.done"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const result = allocation.data;

  return (
    <Card>
      <NightMarketNav />
      <div style={{ display: "flex", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("applications.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/night-market-applications" query={query} name="night-market-applications" />
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q, seasonId }}
        onSearch={list.search}
        fields={[
          ...stationField,
          {
            name: "seasonId",
            label: t("field.season"),
            input: (
              <Select
                style={{ width: 200 }}
                aria-label={t("field.season")}
                options={(seasons.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                data-testid="application-season"
              />
            ),
          },
          {
            name: "q",
            label: t("applications.search"),
            input: <Input allowClear style={{ width: 200 }} aria-label={t("applications.search")} placeholder={t("applications.search")} />,
          },
          {
            name: "status",
            label: t("field.status"),
            input: (
              <Select
                allowClear
                style={{ width: 120 }}
                placeholder={t("field.status")}
                aria-label={t("field.status")}
                options={applicationStatuses.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))}
              />
            ),
          },
          {
            name: "kind",
            label: t("field.kind"),
            input: (
              <Select
                allowClear
                style={{ width: 110 }}
                placeholder={t("field.kind")}
                aria-label={t("field.kind")}
                options={pitchKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
            ),
          },
        ]}
      />
      {season && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          title={`${t("applications.result")} · ${t(`rule.${season.allocationRule}`)}`}
          data-testid="allocation-card"
        >
          {result ? (
            <>
              <Descriptions
                size="small"
                column={2}
                items={[
                  {
                    key: "seed",
                    label: t("field.seed"),
                    children: (
                      <Typography.Text copyable code data-testid="allocation-seed">
                        {result.seed ?? "—"}
                      </Typography.Text>
                    ),
                  },
                  { key: "at", label: t("field.runAt"), children: formatDateTime(result.runAt) },
                  {
                    key: "hash",
                    label: t("field.resultHash"),
                    children: <Typography.Text code>{result.resultHash.slice(0, 16)}…</Typography.Text>,
                  },
                  {
                    key: "waiting",
                    label: t("field.waitingList"),
                    children: result.waitingList.map((w) => w.operatorName).join("、") || "—",
                  },
                ]}
              />
              <Space style={{ margin: "8px 0" }}>
                <Button
                  onClick={() => verify.mutate(season.id, { onError: (error) => message.error(errorMessage(error)) })}
                  loading={verify.isPending}
                  data-testid="allocation-verify"
                >
                  {t("applications.verify")}
                </Button>
                {verify.data && (
                  <Tag color={verify.data.identical ? "green" : "red"}>
                    {t(verify.data.identical ? "applications.identical" : "applications.different")}
                  </Tag>
                )}
              </Space>
              <Table
                rowKey="operatorId"
                size="small"
                dataSource={result.assignments}
                pagination={{ pageSize: 10 }}
                data-testid="allocation-table"
                columns={[
                  { title: t("field.operator"), dataIndex: "operatorName" },
                  { title: t("field.number"), dataIndex: "pitchNumbers", render: (n: string[]) => n.join("、") },
                ]}
              />
            </>
          ) : manage && season.status === "open" ? (
            <Space wrap>
              {season.allocationRule === "lottery" && (
                <Input
                  style={{ width: 260 }}
                  value={seed}
                  onChange={(e) => setSeed(e.target.value)}
                  placeholder={t("field.seed")}
                  aria-label={t("field.seed")}
                  data-testid="allocation-seed-input"
                />
              )}
              <Popconfirm title={t("applications.confirmRun")} onConfirm={runNow}>
                <Button type="primary" loading={run.isPending} data-testid="allocation-run">
                  {season.allocationRule === "lottery" ? t("applications.runLottery") : t("applications.run")}
                </Button>
              </Popconfirm>
              {season.allocationRule === "lottery" && <Typography.Text type="secondary">{t("applications.seedHint")}</Typography.Text>}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t("applications.noRun")}</Typography.Text>
          )}
        </Card>
      )}
      {applications.isError && <Alert type="error" showIcon title={errorMessage(applications.error)} style={{ marginBottom: 16 }} />}
      <Table<Application>
        rowKey="id"
        size="middle"
        loading={applications.isFetching}
        dataSource={applications.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("applications.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: applications.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={columns}
      />
    </Card>
  );
}
