import { App, Empty, Form, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type Enterprise, type Pledge, pledgeSetSchema } from "../../../../contracts/economy.ts";
import { formatYuan } from "../../../app/money.ts";
import { usePledges, useSetPledge } from "../api/console.ts";
import { checked, DateItem, FormDrawer, MoneyItem } from "./form-drawer.tsx";

interface Values {
  period?: string;
  amountFen?: number;
}

/** An enterprise's monthly pledges (认领份额): the months set so far, and one month's pledge set or changed. */
export function PledgesDrawer({ enterprise, month, onClose }: { enterprise: Enterprise | null; month: string; onClose: () => void }) {
  const { t } = useTranslation("economy");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const pledges = usePledges(enterprise?.id ?? null);
  const set = useSetPledge();
  const save = async (v: Values) => {
    if (!enterprise) return;
    const body = checked(pledgeSetSchema, v, form);
    if (!body) return;
    await set.mutateAsync({ id: enterprise.id, input: body });
    message.success(t("enterprises.pledgeSaved", { month: body.period, amount: formatYuan(body.amountFen) }));
    form.resetFields();
  };
  const current = pledges.data?.find((p) => p.period === month);
  return (
    <FormDrawer<Values>
      open={enterprise !== null}
      title={t("enterprises.pledgesOf", { name: enterprise?.name ?? "" })}
      form={form}
      initialValues={{ period: month, amountFen: current?.amountFen }}
      onClose={onClose}
      onSave={save}
      saving={set.isPending}
      testId="pledge-form"
    >
      <Typography.Paragraph type="secondary">{t("enterprises.pledgeHint")}</Typography.Paragraph>
      <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
        <DateItem name="period" label={t("field.month")} required picker="month" testId="pledge-month" />
        <MoneyItem name="amountFen" label={t("enterprises.pledgeAmount")} required testId="pledge-amount" />
      </div>
      <Typography.Title level={5}>{t("enterprises.pledgesSoFar")}</Typography.Title>
      <Table<Pledge>
        rowKey="period"
        size="small"
        loading={pledges.isFetching}
        dataSource={pledges.data ?? []}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t("enterprises.noPledges")} /> }}
        columns={[
          { title: t("field.month"), dataIndex: "period", width: 120 },
          { title: t("enterprises.pledgeAmount"), dataIndex: "amountFen", align: "right", render: formatYuan },
        ]}
        data-testid="pledges-table"
      />
    </FormDrawer>
  );
}
