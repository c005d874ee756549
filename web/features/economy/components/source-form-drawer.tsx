import { App, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import {
  type FundingSource,
  fundingSourceCreateSchema,
  fundingSourceKinds,
  fundingSourceUpdateSchema,
} from "../../../../contracts/economy.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCreateSource, useUpdateSource } from "../api/console.ts";
import { checked, DateItem, FormDrawer, MoneyItem } from "./form-drawer.tsx";

interface Values {
  name?: string;
  kind?: string;
  receivedFen?: number;
  receivedOn?: string;
  note?: string | null;
}

/** A funding source and the money received from it: a new one, or an edit (the money received never below what it allocated). */
export function SourceFormDrawer({
  open,
  source,
  today,
  onClose,
}: {
  open: boolean;
  source: FundingSource | null;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("economy");
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSource();
  const update = useUpdateSource();
  const save = async (v: Values) => {
    if (!source) {
      const body = checked(fundingSourceCreateSchema, v, form);
      if (!body) return;
      await create.mutateAsync(body);
      message.success(t("ledger.sourceCreated", { name: body.name }));
      return onClose();
    }
    const body = checked(fundingSourceUpdateSchema, { ...v, version: source.version }, form);
    if (!body) return;
    const write = async () => {
      await update.mutateAsync({ id: source.id, input: body });
      message.success(t("ledger.sourceSaved", { name: body.name }));
      onClose();
    };
    // Less money received than recorded rewrites the ledger's account of it: confirm first.
    if (body.receivedFen >= source.receivedFen) return write();
    await new Promise<void>((resolve, reject) =>
      modal.confirm({
        title: t("ledger.lowerTitle"),
        content: t("ledger.lowerContent", { from: formatYuan(source.receivedFen), to: formatYuan(body.receivedFen) }),
        okButtonProps: { danger: true },
        onOk: () => write().then(resolve, reject),
        onCancel: () => resolve(),
      }),
    );
  };
  return (
    <FormDrawer<Values>
      open={open}
      title={source ? t("ledger.editSource") : t("ledger.newSource")}
      form={form}
      initialValues={
        source
          ? { name: source.name, kind: source.kind, receivedFen: source.receivedFen, receivedOn: source.receivedOn, note: source.note }
          : { kind: "company", receivedOn: today }
      }
      onClose={onClose}
      onSave={save}
      saving={create.isPending || update.isPending}
      testId="source-form"
    >
      <Form.Item name="name" label={t("ledger.sourceName")} required>
        <Input maxLength={100} placeholder={t("ledger.sourceNameHint")} data-testid="source-name" />
      </Form.Item>
      <Form.Item name="kind" label={t("console.kind")} required>
        <Select options={fundingSourceKinds.map((k) => ({ value: k, label: t(`sourceKind.${k}`) }))} style={{ width: 200 }} />
      </Form.Item>
      <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
        <MoneyItem
          name="receivedFen"
          label={t("field.received")}
          required
          testId="source-received"
          extra={source && source.allocatedFen > 0 ? t("ledger.notBelow", { allocated: formatYuan(source.allocatedFen) }) : undefined}
        />
        <DateItem name="receivedOn" label={t("console.receivedOn")} required />
      </div>
      <Form.Item name="note" label={t("ledger.note")}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDrawer>
  );
}
