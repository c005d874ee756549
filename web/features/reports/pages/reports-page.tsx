import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type ReportKind, type ReportSummary, reportKinds } from "../../../../contracts/reports.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useCreateReport, useReports } from "../api/reports.ts";

const kindColour: Record<ReportKind, string> = { acceptance: "red", monthly: "blue", district: "purple" };

/** 报告: the reports of the units in reach, and a new one (kind, scope, period). */
export default function ReportsPage() {
  const { t } = useTranslation("reports");
  const can = useCan();
  const list = useListParams(["kind"], 20);
  const query = { page: list.page, pageSize: list.pageSize, q: list.q || undefined, kind: list.filters.kind };
  const reports = useReports(query);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const actions = useActionsColumn<ReportSummary>(
    (r) => (
      <RowActions>
        <RowAction to={`/reports/${r.id}`}>{t("open")}</RowAction>
      </RowActions>
    ),
    { width: 90 },
  );
  const columns = [
    {
      title: t("field.title"),
      dataIndex: "title",
      width: 320,
      ellipsis: { showTitle: true },
      render: (v: string, r: ReportSummary) => <Link to={`/reports/${r.id}`}>{v}</Link>,
    },
    { title: t("field.kind"), dataIndex: "kind", width: 110, render: (k: ReportKind) => <Tag color={kindColour[k]}>{t(`kind.${k}`)}</Tag> },
    { title: t("field.unit"), dataIndex: "unitName", width: 170, ellipsis: { showTitle: true } },
    { title: t("field.period"), dataIndex: "period", width: 170 },
    {
      title: t("field.versions"),
      dataIndex: "generatedCount",
      width: 90,
      align: "right" as const,
      render: (n: number) => (n ? n : <Typography.Text type="secondary">{t("draftOnly")}</Typography.Text>),
    },
    { title: t("field.updatedAt"), dataIndex: "updatedAt", width: 160, render: formatDateTime },
    ...actions,
  ];
  return (
    <Card>
      <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 16, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t("menu.reports")}
        </Typography.Title>
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t("search")}
          defaultValue={list.q}
          onSearch={(q) => list.update({ q })}
          aria-label={t("search")}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t("allKinds")}
          aria-label={t("field.kind")}
          value={list.filters.kind}
          onChange={(kind?: string) => list.update({ kind })}
          options={reportKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          data-testid="kind-filter"
        />
        {can("report.generate") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-report">
            {t("new")}
          </Button>
        )}
      </div>
      {reports.error && <Alert type="error" showIcon title={errorMessage(reports.error)} style={{ marginBottom: 16 }} />}
      <Table<ReportSummary>
        rowKey="id"
        size="middle"
        loading={reports.isFetching}
        dataSource={reports.data?.items ?? []}
        columns={columns}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={list.q || list.filters.kind ? t("emptyFiltered") : t("empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: reports.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
        }}
      />
      {creating && <NewReportModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/reports/${id}`)} />}
    </Card>
  );
}

function NewReportModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation("reports");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm();
  const create = useCreateReport();
  const kind: ReportKind = Form.useWatch("kind", form) ?? "acceptance";
  const now = new Date();
  const year = String(now.getFullYear());
  const month = `${year}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  const stations = me.stations.map((s) => ({ value: `station:${s.id}`, label: s.name }));
  const wide =
    me.orgUnitKind === "district" || me.orgUnitKind === "street"
      ? [{ value: `${me.orgUnitKind}:${me.orgUnitId}`, label: me.orgUnitName }]
      : [];
  const scopes = kind === "district" ? wide : stations;
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const r = await create.mutateAsync({ kind: values.kind, scope: values.scope, period: values.period.trim() });
      message.success(t("created"));
      onCreated(r.id);
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Modal open title={t("new")} onCancel={onClose} onOk={submit} okText={t("create")} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "acceptance", scope: stations[0]?.value, period: year }}
        onValuesChange={(changed) => {
          if ("kind" in changed) {
            const k = changed.kind as ReportKind;
            form.setFieldsValue({
              period: k === "monthly" ? month : year,
              scope: (k === "district" ? wide : stations)[0]?.value,
            });
          }
        }}
      >
        <Form.Item name="kind" label={t("field.kind")} rules={[{ required: true }]} extra={t(`kindHelp.${kind}`)}>
          <Select options={reportKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} data-testid="new-kind" />
        </Form.Item>
        <Form.Item name="scope" label={t("field.scope")} rules={[{ required: true, message: t("scopeRequired") }]}>
          <Select options={scopes} data-testid="new-scope" notFoundContent={t("noScope")} />
        </Form.Item>
        <Form.Item name="period" label={t("field.period")} rules={[{ required: true }]} extra={t("periodHelp")}>
          <Input data-testid="new-period" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
