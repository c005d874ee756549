import { Button, Card, Form, Input, InputNumber, Modal, Select, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { paymentCreateSchema, paymentKinds } from "../../../../contracts/night-market.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useApplications } from "../api/applications.ts";
import { type Balance, usePayments, useRecordPayment } from "../api/payments.ts";

/** 押金与摊位费: each operator's fees and deposits paid and refunded in the season; staff record a payment or a refund. */
export function PaymentsCard({ seasonId }: { seasonId: number }) {
  const { t } = useTranslation("night-market");
  const can = useCan();
  const payments = usePayments(seasonId);
  const record = useRecordPayment(seasonId);
  const operators = useApplications({ page: 1, pageSize: 200, seasonId, status: "approved" });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const submit = async () => {
    const v = form.getFieldsValue();
    const body = { operatorId: v.operatorId, kind: v.kind, amountFen: Math.round((v.amount ?? 0) * 100), note: v.note || null };
    if (!validateWith(paymentCreateSchema, body, form).ok) return;
    try {
      await record.mutateAsync(body);
      form.resetFields();
      setOpen(false);
    } catch (error) {
      applyServerErrors(error, form);
    }
  };
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t("payments.title")}
      extra={
        can("nightmarket.manage") && (
          <Button onClick={() => setOpen(true)} data-testid="payment-record">
            {t("payments.record")}
          </Button>
        )
      }
    >
      <Table<Balance>
        rowKey="operatorId"
        size="small"
        loading={payments.isFetching}
        dataSource={payments.data?.balances ?? []}
        pagination={{ pageSize: 10, showTotal: (total) => t("common:total", { total }) }}
        columns={[
          { title: t("field.operator"), dataIndex: "operatorName" },
          { title: t("payment.fee"), dataIndex: "feesFen", align: "right", render: formatYuan },
          { title: t("payment.deposit"), dataIndex: "depositsFen", align: "right", render: formatYuan },
          { title: t("payment.fee_refund"), dataIndex: "feeRefundsFen", align: "right", render: formatYuan },
          { title: t("payment.deposit_refund"), dataIndex: "depositRefundsFen", align: "right", render: formatYuan },
        ]}
      />
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        confirmLoading={record.isPending}
        title={t("payments.record")}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: "deposit" }} preserve={false}>
          <Form.Item name="operatorId" label={t("field.operator")} required>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={[
                ...new Map(
                  (operators.data?.items ?? []).map((a) => [a.operatorId, { value: a.operatorId, label: a.operatorName }]),
                ).values(),
              ]}
            />
          </Form.Item>
          <Form.Item name="kind" label={t("payments.kind")} required>
            <Select options={paymentKinds.map((k) => ({ value: k, label: t(`payment.${k}`) }))} />
          </Form.Item>
          <Form.Item name="amount" label={t("field.amount")} required>
            <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="note" label={t("payments.note")}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
