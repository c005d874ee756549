import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Input, Progress, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type Project, projectStatuses } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type ProjectListQuery, useProjects } from "../api/list-projects.ts";
import { ProjectStatusTag } from "../components/list-tags.tsx";
import { ProjectFormDrawer } from "../components/project-form-drawer.tsx";

export default function ProjectsPage() {
  const stationColumn = useStationColumn<Project>();
  const { t } = useTranslation("lists");
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams(["status", "stationId"]);
  const stationField = useStationField();
  const [creating, setCreating] = useState(false);
  const query: ProjectListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status: list.filters.status as ProjectListQuery["status"],
    stationId: list.idOf("stationId"),
  };
  const projects = useProjects(query);

  const columns: TableColumnsType<Project> = [
    { title: t("project.name"), dataIndex: "name", render: (name: string, r) => <Link to={`/projects/${r.id}`}>{name}</Link> },
    ...stationColumn,
    { title: t("project.ownerUnit"), dataIndex: "ownerUnitName", width: 220, ellipsis: true },
    { title: t("project.budget"), dataIndex: "budgetFen", width: 160, align: "right", render: formatYuan },
    {
      title: t("project.period"),
      key: "period",
      width: 200,
      render: (_: unknown, r) => `${formatDate(r.startDate)} ~ ${formatDate(r.endDate)}`,
    },
    { title: t("project.percent"), dataIndex: "percent", width: 140, render: (p: number) => <Progress percent={p} size="small" /> },
    { title: t("field.status"), dataIndex: "status", width: 90, render: (s: Project["status"]) => <ProjectStatusTag status={s} /> },
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("project.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/projects" query={query} name="projects" />
        {can("project.manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("project.create")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="project-search" />,
          },
          selectField(
            "status",
            t("field.status"),
            projectStatuses.map((s) => ({ value: s, label: t(`projectStatus.${s}`) })),
            { width: 120 },
          ),
          ...stationField,
        ]}
      />
      {projects.isError && <Alert type="error" showIcon title={errorMessage(projects.error)} style={{ marginBottom: 16 }} />}
      <Table<Project>
        rowKey="id"
        size="middle"
        loading={projects.isFetching}
        dataSource={projects.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/projects/${r.id}`) })}
        pagination={listPagination(t, list, projects.data)}
        columns={columns}
      />
      <ProjectFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(p) => navigate(`/projects/${p.id}`)} />
    </Card>
  );
}
