import { PlusOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Empty, Input, Space, Table, type TableColumnsType, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type Problem, type ProblemListQuery, problemSources, problemStatuses } from "../../../../contracts/problems.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useEscalateProblems } from "../api/escalate-problems.ts";
import { useProblemCategories } from "../api/list-categories.ts";
import { useProblems } from "../api/list-problems.ts";
import { ProblemFormDrawer } from "../components/problem-form-drawer.tsx";
import { ProblemStatusTag } from "../components/problem-status-tag.tsx";

export default function ProblemsPage() {
  const stationColumn = useStationColumn<Problem>();
  const stationField = useStationField();
  const { t, i18n } = useTranslation("problems");
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams(["tab", "status", "categoryCode", "source", "unitId", "from", "to", "stationId"], 20, {
    sort: "createdAt",
    order: "desc",
  });
  const [creating, setCreating] = useState(false);
  const categories = useProblemCategories();
  const units = useAllianceUnits({ pageSize: 200, status: "active" });
  const escalate = useEscalateProblems();
  const tab = list.filters.tab ?? "all";

  // "Waiting for me" (tab mine) asks the server for problems whose next step is the caller's.
  const query: ProblemListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    actionable: tab === "mine" ? "true" : undefined,
    status: list.filters.status as ProblemListQuery["status"],
    categoryCode: list.filters.categoryCode,
    source: list.filters.source as ProblemListQuery["source"],
    unitId: list.idOf("unitId"),
    stationId: list.idOf("stationId"),
    from: list.filters.from,
    to: list.filters.to,
    overdue: tab === "overdue" ? "true" : undefined,
    sort: list.sort as ProblemListQuery["sort"],
    order: list.order,
  };
  const problems = useProblems(query);
  const rows = problems.data?.items ?? [];

  const runEscalation = async () => {
    try {
      const result = await escalate.mutateAsync();
      message.success(t("escalated", { count: result.escalated }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableColumnsType<Problem> = [
    {
      title: t("field.code"),
      dataIndex: "code",
      width: 140,
      render: (code: string, r) => <Link to={`/problems/${r.id}`}>{code}</Link>,
    },
    ...stationColumn,
    {
      title: t("field.title"),
      dataIndex: "title",
      width: 220,
      ellipsis: true,
      render: (title: string, r) => (
        <Link to={`/problems/${r.id}`} style={r.overdue ? { color: "#cf1322" } : undefined}>
          {title}
        </Link>
      ),
    },
    { title: t("field.category"), dataIndex: "categoryName", width: 110, ellipsis: { showTitle: true } },
    { title: t("field.source"), dataIndex: "source", width: 105, render: (s: string) => t(`source.${s}`) },
    {
      title: t("field.place"),
      key: "place",
      width: 130,
      ellipsis: { showTitle: true },
      render: (_: unknown, r) => [r.stallCode, r.place].filter(Boolean).join(" · ") || "—",
    },
    { title: t("field.unit"), dataIndex: "unitName", width: 170, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? "—" },
    { title: t("field.status"), dataIndex: "status", width: 100, render: (s: Problem["status"]) => <ProblemStatusTag status={s} /> },
    {
      title: t("field.dueAt"),
      key: "dueAt",
      dataIndex: "dueAt",
      // Wide enough for the date and 超期 / Overdue on one line (on two, the overdue rows stood taller than the rest).
      width: 200,
      sorter: true,
      sortOrder: list.sortOrderOf("dueAt"),
      render: (v: string | null, r) =>
        r.overdue ? (
          <Typography.Text type="danger" strong data-testid="overdue" style={{ whiteSpace: "nowrap" }}>
            {formatDateTime(v)} · {t("overdue")}
          </Typography.Text>
        ) : (
          formatDateTime(v)
        ),
    },
    {
      title: t("field.createdAt"),
      key: "createdAt",
      dataIndex: "createdAt",
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf("createdAt"),
      render: formatDateTime,
    },
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 4 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/problems" query={query} name="problems" />
        <Space wrap>
          {can("problem.manage") && (
            <Button icon={<ThunderboltOutlined />} onClick={runEscalation} loading={escalate.isPending}>
              {t("escalate")}
            </Button>
          )}
          {can("problem.manage") && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="problem-create">
              {t("create")}
            </Button>
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.update({ tab: key === "all" ? undefined : key })}
        items={[
          { key: "all", label: t("tab.all") },
          // Only accounts that take a step in the loop have anything waiting for them.
          ...(can("problem.manage") || can("problem.work") || can("problem.report") ? [{ key: "mine", label: t("tab.mine") }] : []),
          { key: "overdue", label: t("tab.overdue") },
        ]}
      />
      <QueryForm
        values={{ ...list.filters, q: list.q, unitId: query.unitId }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="problem-search" />,
          },
          selectField(
            "status",
            t("field.status"),
            problemStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
            { width: 120 },
          ),
          selectField(
            "categoryCode",
            t("field.category"),
            (categories.data ?? []).map((c) => ({ value: c.code, label: i18n.language === "en" ? c.nameEn : c.name })),
            { width: 140 },
          ),
          selectField(
            "source",
            t("field.source"),
            problemSources.map((s) => ({ value: s, label: t(`source.${s}`) })),
            { width: 120 },
          ),
          ...(can("problem.manage")
            ? [
                selectField(
                  "unitId",
                  t("field.unit"),
                  (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
                  { width: 220, search: true },
                ),
              ]
            : []),
          {
            name: "reported",
            label: t("field.createdAt"),
            range: { from: "from", to: "to" },
            input: <DatePicker.RangePicker style={{ width: 260 }} aria-label={t("field.createdAt")} />,
          },
          ...stationField,
        ]}
      />
      {problems.isError && <Alert type="error" showIcon title={errorMessage(problems.error)} style={{ marginBottom: 16 }} />}
      <Table<Problem>
        rowKey="id"
        size="middle"
        loading={problems.isFetching}
        dataSource={rows}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={list.q ? t("common:emptySearch") : t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(record) => ({
          onDoubleClick: () => navigate(`/problems/${record.id}`),
          className: record.overdue ? "dd-row-overdue" : undefined,
        })}
        pagination={listPagination(t, list, problems.data)}
        columns={columns}
      />
      <ProblemFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(p) => navigate(`/problems/${p.id}`)} />
    </Card>
  );
}
