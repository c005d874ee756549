import { PlusOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Card, Empty, Input, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { caseStatuses, type DevelopmentCase, developmentStages } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm, QuerySwitch, selectField } from "../../../components/query-form.tsx";
import { useFunnel } from "../api/get-funnel.ts";
import { type CaseListQuery, useCases } from "../api/list-cases.ts";
import { BranchSelect } from "../components/branch-select.tsx";
import { CaseFormDrawer } from "../components/case-form-drawer.tsx";
import { stepNumber } from "../components/labels.ts";
import { StageTag } from "../components/stage-tag.tsx";

const funnelKey = {
  applicant: "applicants",
  activist: "activists",
  candidate: "candidates",
  probationary: "probationary",
  full: "full",
} as const;

/** The pipeline: everyone in development by stage, with the next step and when it is due; overdue in red. */
export default function DevelopmentPage() {
  const { t } = useTranslation("party");
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams(["branchId", "stage", "status", "overdue", "due"]);
  const [creating, setCreating] = useState(false);
  const branchId = list.idOf("branchId");
  const query: CaseListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    branchId,
    stage: list.filters.stage as CaseListQuery["stage"],
    status: list.filters.status as CaseListQuery["status"],
    overdue: list.filters.overdue === "true" ? "true" : undefined,
    due: list.filters.due === "true" ? "true" : undefined,
  };
  const cases = useCases(query);
  const funnel = useFunnel();

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("development.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/party/cases" query={query} name="development-cases" />
        {can("development.write") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create">
            {t("development.create")}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={query.stage ?? "all"}
        onChange={(key) => list.update({ stage: key === "all" ? undefined : key })}
        items={[
          { key: "all", label: t("development.all") },
          ...developmentStages.map((s) => ({
            key: s,
            label: (
              <span>
                {t(`stage.${s}`)}{" "}
                {funnel.data && <Badge count={funnel.data[funnelKey[s]]} showZero color={s === "full" ? "#c8102e" : "#8c8c8c"} />}
              </span>
            ),
          })),
        ]}
      />
      <QueryForm
        values={{ ...list.filters, q: list.q, branchId }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("development.search"),
            input: <Input allowClear style={{ width: 200 }} placeholder={t("development.search")} data-testid="case-search" />,
          },
          { name: "branchId", label: t("branch"), input: <BranchSelect allowClear style={{ width: 200 }} /> },
          selectField(
            "status",
            t("field.caseStatus"),
            caseStatuses.map((s) => ({ value: s, label: t(`caseStatus.${s}`) })),
            { width: 120 },
          ),
          {
            name: "overdue",
            label: t("development.overdueOnly"),
            valuePropName: "checked",
            input: <QuerySwitch label={t("development.overdueOnly")} />,
          },
          {
            name: "due",
            label: t("development.dueSoonOnly"),
            valuePropName: "checked",
            input: <QuerySwitch label={t("development.dueSoonOnly")} />,
          },
        ]}
      />
      {cases.isError && <Alert type="error" showIcon title={errorMessage(cases.error)} style={{ marginBottom: 16 }} />}
      <Table<DevelopmentCase>
        rowKey="id"
        size="middle"
        loading={cases.isFetching}
        dataSource={cases.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t("development.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/party/development/${r.id}`) })}
        rowClassName={(r) => (r.next?.overdue ? "dd-row-overdue" : "")}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={[
          {
            title: t("field.name"),
            dataIndex: "name",
            width: 120,
            render: (name: string, r) => <Link to={`/party/development/${r.id}`}>{name}</Link>,
          },
          { title: t("branch"), dataIndex: "branchName", width: 200, ellipsis: true },
          { title: t("field.stage"), dataIndex: "stage", width: 110, render: (s: DevelopmentCase["stage"]) => <StageTag stage={s} /> },
          {
            title: t("case.applied"),
            key: "applied",
            width: 120,
            render: (_: unknown, r) => formatDate(r.steps.find((s) => s.step === "application")?.on),
          },
          {
            title: t("field.nextStep"),
            key: "next",
            render: (_: unknown, r) =>
              r.next ? (
                <span>
                  <Typography.Text type="secondary">{stepNumber(r.next.step)}.</Typography.Text> {t(`step.${r.next.step}`)}
                </span>
              ) : (
                "—"
              ),
          },
          { title: t("field.earliest"), key: "earliest", width: 120, render: (_: unknown, r) => formatDate(r.next?.earliest) },
          {
            title: t("field.due"),
            key: "due",
            width: 170,
            render: (_: unknown, r) =>
              r.next?.overdue ? (
                <span style={{ color: "#cf1322", fontWeight: 600 }}>
                  {formatDate(r.next.due)} <Tag color="error">{t("development.overdue")}</Tag>
                </span>
              ) : (
                formatDate(r.next?.due)
              ),
          },
          {
            title: t("field.caseStatus"),
            dataIndex: "status",
            width: 100,
            render: (s: DevelopmentCase["status"]) => (
              <Tag color={s === "completed" ? "success" : s === "stopped" ? "default" : "processing"}>{t(`caseStatus.${s}`)}</Tag>
            ),
          },
        ]}
      />
      <CaseFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(`/party/development/${c.id}`)} />
    </Card>
  );
}
