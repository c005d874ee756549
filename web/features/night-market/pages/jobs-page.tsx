import { Alert, App, Button, Card, Empty, Input, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { employerKinds } from "../../../../contracts/night-market.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm, QuerySwitch } from "../../../components/query-form.tsx";
import { useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useApplications } from "../api/applications.ts";
import { type JobListQuery, useJobs, useUnmaskJob } from "../api/jobs.ts";
import type { Job } from "../api/types.ts";
import { JobDrawer } from "../components/job-drawer.tsx";
import { NightMarketNav } from "../components/nav.tsx";

/** 就业登记: people employed because of the night market, names and mobiles masked; "current" is the figure's filter. */
export default function JobsPage() {
  const { t } = useTranslation("night-market");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["current", "employerKind", "stationId"]);
  const stationField = useStationField();
  const stationId = list.idOf("stationId");
  const query: JobListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    current: list.filters.current as JobListQuery["current"],
    employerKind: list.filters.employerKind as Job["employerKind"],
    stationId,
  };
  const jobs = useJobs(query);
  const unmask = useUnmaskJob();
  const [shown, setShown] = useState<Record<number, Job>>({});
  const [creating, setCreating] = useState(false);
  const operators = useApplications({ page: 1, pageSize: 200, status: "approved", stationId });
  const manage = can("nightmarket.manage");
  const actions = useActionsColumn<Job>(
    (j) =>
      can("personal.unmask") &&
      !shown[j.id] && (
        <Button
          type="link"
          size="small"
          onClick={async () => {
            try {
              const full = await unmask.mutateAsync(j.id);
              setShown((s) => ({ ...s, [j.id]: full }));
            } catch (error) {
              message.error(errorMessage(error));
            }
          }}
        >
          {t("jobs.unmask")}
        </Button>
      ),
    { width: 120, show: manage },
  );
  const columns = [
    {
      title: t("field.person"),
      key: "person",
      width: 160,
      fixed: "left" as const,
      render: (_: unknown, j: Job) => (shown[j.id] ?? j).personName,
    },
    { title: t("field.mobile"), key: "mobile", width: 130, render: (_: unknown, j: Job) => (shown[j.id] ?? j).mobile ?? "—" },
    {
      title: t("field.employer"),
      key: "employer",
      width: 170,
      render: (_: unknown, j: Job) => j.employerName ?? t(`employer.${j.employerKind}`),
    },
    { title: t("field.role"), dataIndex: "role", width: 110 },
    { title: t("field.origin"), dataIndex: "origin", width: 170 },
    { title: t("field.startsOnJob"), dataIndex: "startsOn", width: 110 },
    { title: t("field.endsOnJob"), dataIndex: "endsOn", width: 110, render: (v: string | null) => v ?? "—" },
    { title: t("field.contract"), dataIndex: "hasContract", width: 90, render: (b: boolean) => t(b ? "common:yes" : "common:no") },
    {
      title: t("field.current"),
      dataIndex: "current",
      width: 80,
      render: (b: boolean) => (b ? <Tag color="green">{t("field.current")}</Tag> : "—"),
    },
    ...actions,
  ];
  const operatorOptions = [
    ...new Map((operators.data?.items ?? []).map((a) => [a.operatorId, { id: a.operatorId, name: a.operatorName }])).values(),
  ];
  return (
    <Card>
      <NightMarketNav />
      <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("jobs.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/night-market-jobs" query={query} name="night-market-jobs" />
        {manage && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t("jobs.create")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          ...stationField,
          {
            name: "q",
            label: t("jobs.search"),
            input: <Input allowClear style={{ width: 200 }} aria-label={t("jobs.search")} placeholder={t("jobs.search")} />,
          },
          {
            name: "employerKind",
            label: t("field.employer"),
            input: (
              <Select
                allowClear
                style={{ width: 110 }}
                placeholder={t("field.employer")}
                aria-label={t("field.employer")}
                options={employerKinds.map((k) => ({ value: k, label: t(`employer.${k}`) }))}
              />
            ),
          },
          { name: "current", label: t("field.current"), valuePropName: "checked", input: <QuerySwitch label={t("field.current")} /> },
        ]}
      />
      {jobs.isError && <Alert type="error" showIcon title={errorMessage(jobs.error)} style={{ marginBottom: 16 }} />}
      <Table<Job>
        rowKey="id"
        size="middle"
        loading={jobs.isFetching}
        dataSource={jobs.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("jobs.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: jobs.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={columns}
      />
      <JobDrawer open={creating} onClose={() => setCreating(false)} stationId={stationId} operators={operatorOptions} />
    </Card>
  );
}
