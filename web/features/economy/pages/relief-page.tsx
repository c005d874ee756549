import {
  Alert,
  App,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Relief, type ReliefStep, reliefStatuses } from "../../../../contracts/economy.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan, yuanToFen } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { usePolicies, useReliefStep, useReliefs } from "../api/console.ts";

type Pending = { relief: Relief; action: "review" | "approve" | "reject" | "disburse" | "close" };

/** The form of one step: the amount to approve, the disbursement (a loan's terms), the reason of a rejection. */
function StepModal({ pending, onClose }: { pending: Pending | null; onClose: () => void }) {
  const { t } = useTranslation("economy");
  const { message } = App.useApp();
  const step = useReliefStep();
  const [form] = Form.useForm();
  if (!pending) return null;
  const { relief, action } = pending;
  const loan = relief.policyKind === "loan_subsidy";
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = { action, version: relief.version };
    if (action === "review") body.note = v.note ?? null;
    if (action === "reject") body.reason = v.reason;
    if (action === "approve") body.approvedFen = yuanToFen(v.approved);
    if (action === "disburse") {
      body.disbursedFen = yuanToFen(v.disbursed);
      body.disbursedOn = (v.disbursedOn ?? dayjs()).format("YYYY-MM-DD");
      body.payer = v.payer;
      if (loan)
        body.loan = {
          principalFen: yuanToFen(v.disbursed),
          rateBp: Math.round((v.rate ?? 0) * 100),
          subsidyFen: yuanToFen(v.subsidy),
          termMonths: v.term,
        };
    }
    try {
      await step.mutateAsync({ id: relief.id, step: body as ReliefStep });
      message.success(t("console.stepDone"));
      form.resetFields();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open
      title={`${t(`console.step.${action}`)} · ${relief.merchantName}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={step.isPending}
      okText={t(`console.step.${action}`)}
      destroyOnHidden
      okButtonProps={{ "data-testid": "step-ok" } as never}
    >
      <Typography.Paragraph type="secondary">{`${relief.policyTitle} · ${t("field.requested")} ${formatYuan(relief.requestedFen)}`}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          approved: relief.requestedFen / 100,
          disbursed: (relief.approvedFen ?? relief.requestedFen) / 100,
          term: 12,
          rate: 3.65,
        }}
      >
        {action === "review" && (
          <Form.Item name="note" label={t("console.note")}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {action === "reject" && (
          <Form.Item name="reason" label={t("field.reason")} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="step-reason" />
          </Form.Item>
        )}
        {action === "approve" && (
          <Form.Item name="approved" label={t("field.approved")} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="step-approved" />
          </Form.Item>
        )}
        {action === "disburse" && (
          <>
            <Form.Item name="disbursed" label={loan ? t("field.principal") : t("field.disbursed")} rules={[{ required: true }]}>
              <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="step-disbursed" />
            </Form.Item>
            <Form.Item name="disbursedOn" label={t("field.disbursedOn")}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="payer" label={t("field.payer")} rules={[{ required: true }]}>
              <Input data-testid="step-payer" />
            </Form.Item>
            {loan && (
              <>
                <Form.Item name="rate" label={`${t("field.rate")} (%)`} rules={[{ required: true }]}>
                  <InputNumber min={0} max={50} precision={2} />
                </Form.Item>
                <Form.Item name="subsidy" label={t("field.subsidy")} rules={[{ required: true }]}>
                  <InputNumber min={0} precision={2} />
                </Form.Item>
                <Form.Item name="term" label={t("field.term")} rules={[{ required: true }]}>
                  <InputNumber min={1} max={120} />
                </Form.Item>
              </>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}

const next: Partial<Record<Relief["status"], Pending["action"][]>> = {
  applied: ["review", "reject"],
  reviewed: ["approve", "reject"],
  approved: ["disburse", "reject"],
  disbursed: ["close"],
};

/** 帮扶申请: the relief applications, filtered by policy, status and merchant, each taken through its steps. */
export default function ReliefPage() {
  const { t } = useTranslation("economy");
  const can = useCan();
  const list = useListParams(["policyId", "status", "stationId"], 20, { sort: "appliedAt", order: "desc" });
  const query = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    policyId: list.idOf("policyId"),
    status: list.filters.status,
    stationId: list.idOf("stationId"),
    sort: list.sort,
    order: list.order,
  };
  const reliefs = useReliefs(query);
  const policies = usePolicies({ pageSize: 100 });
  const stationColumn = useStationColumn<Relief>();
  const stationField = useStationField();
  const [pending, setPending] = useState<Pending | null>(null);
  const actions = useActionsColumn<Relief>(
    (r) => (
      <RowActions>
        {can("economy.manage") &&
          (next[r.status] ?? []).map((a) => (
            <RowAction key={a} onClick={() => setPending({ relief: r, action: a })} data-testid={`relief-${a}-${r.id}`}>
              {t(`console.step.${a}`)}
            </RowAction>
          ))}
        <RowAction to={`/merchant-files/${r.merchantId}`}>{t("console.file")}</RowAction>
      </RowActions>
    ),
    { width: 170 },
  );
  const columns: TableColumnsType<Relief> = [
    { title: t("field.merchant"), dataIndex: "merchantName", width: 150, fixed: "left" as const },
    ...stationColumn,
    { title: t("field.policy"), dataIndex: "policyTitle", width: 200 },
    {
      title: t("field.status"),
      dataIndex: "status",
      key: "status",
      width: 90,
      sorter: true,
      sortOrder: list.sortOrderOf("status"),
      render: (s: string) => <Tag data-testid="relief-status">{t(`reliefStatus.${s}`)}</Tag>,
    },
    { title: t("field.channel"), dataIndex: "channel", width: 120, render: (c: string) => t(`channel.${c}`) },
    { title: t("field.requested"), dataIndex: "requestedFen", width: 120, align: "right" as const, render: formatYuan },
    { title: t("field.approved"), dataIndex: "approvedFen", width: 120, align: "right" as const, render: formatYuan },
    { title: t("field.disbursed"), dataIndex: "disbursedFen", width: 120, align: "right" as const, render: formatYuan },
    {
      title: t("field.appliedAt"),
      dataIndex: "appliedAt",
      key: "appliedAt",
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf("appliedAt"),
      render: formatDateTime,
    },
    ...actions,
  ];
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("menu.relief")}
      </Typography.Title>
      <QueryForm
        values={{ q: list.q, ...list.filters }}
        onSearch={(v) => list.update(v as never)}
        fields={[
          {
            name: "q",
            label: t("console.searchMerchant"),
            input: <Input allowClear style={{ width: 200 }} placeholder={t("console.searchMerchant")} />,
          },
          {
            name: "policyId",
            label: t("field.policy"),
            input: (
              <Select
                allowClear
                style={{ width: 220 }}
                options={(policies.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.title }))}
              />
            ),
          },
          {
            name: "status",
            label: t("field.status"),
            input: (
              <Select
                allowClear
                style={{ width: 120 }}
                options={reliefStatuses.map((s) => ({ value: s, label: t(`reliefStatus.${s}`) }))}
              />
            ),
          },
          ...stationField,
        ]}
        extra={<ExportButton path="/api/relief-applications" query={query} name="relief-applications" />}
      />
      {reliefs.isError && <Alert type="error" showIcon title={errorMessage(reliefs.error)} style={{ marginBottom: 16 }} />}
      <Table<Relief>
        rowKey="id"
        size="middle"
        loading={reliefs.isFetching}
        dataSource={reliefs.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("console.noReliefs")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: reliefs.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        data-testid="relief-table"
        columns={columns}
      />
      <StepModal pending={pending} onClose={() => setPending(null)} />
    </Card>
  );
}
