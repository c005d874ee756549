import { App, Form, Input, Select, type UploadFile } from "antd";
import { useTranslation } from "react-i18next";
import { type Allocation, expenditureCreateSchema } from "../../../../contracts/economy.ts";
import { formatYuan } from "../../../app/money.ts";
import { PhotoUpload, uploadedIds, uploadsPending } from "../../../components/photo-upload.tsx";
import { useSpend } from "../api/console.ts";
import { checked, DateItem, FormDrawer, MoneyItem } from "./form-drawer.tsx";

interface Values {
  allocationId?: number;
  amountFen?: number;
  spentOn?: string;
  payee?: string;
  purpose?: string;
  receiptIds?: UploadFile[];
}

/** An expenditure against an allocation, with its receipt photos (uploaded as they are picked); it waits for approval. */
export function ExpenditureFormDrawer({
  open,
  allocations,
  allocationId,
  today,
  onClose,
}: {
  open: boolean;
  allocations: Allocation[];
  allocationId: number | null;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("economy");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const spend = useSpend();
  const chosenId = Form.useWatch("allocationId", form);
  const chosen = allocations.find((a) => a.id === chosenId);
  const target = (a: Allocation) => a.projectName ?? a.activity ?? "";
  const save = async (v: Values) => {
    if (uploadsPending(v.receiptIds ?? [])) {
      message.warning(t("ledger.uploading"));
      return;
    }
    const body = checked(expenditureCreateSchema, { ...v, receiptIds: uploadedIds(v.receiptIds ?? []) }, form);
    if (!body) return;
    await spend.mutateAsync(body);
    message.success(t("ledger.spent", { amount: formatYuan(body.amountFen) }));
    onClose();
  };
  return (
    <FormDrawer<Values>
      open={open}
      title={t("ledger.newExpenditure")}
      form={form}
      initialValues={{ allocationId: allocationId ?? undefined, spentOn: today, receiptIds: [] }}
      onClose={onClose}
      onSave={save}
      saving={spend.isPending}
      testId="expenditure-form"
    >
      <Form.Item
        name="allocationId"
        label={t("ledger.allocation")}
        required
        extra={chosen ? t("ledger.balanceLeft", { amount: formatYuan(chosen.balanceFen) }) : undefined}
      >
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t("ledger.pickAllocation")}
          options={allocations.map((a) => ({
            value: a.id,
            label: `${target(a)} · ${a.sourceName} · ${t("ledger.left")} ${formatYuan(a.balanceFen)}`,
            disabled: a.balanceFen <= 0,
          }))}
          data-testid="expenditure-allocation"
        />
      </Form.Item>
      <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
        <MoneyItem name="amountFen" label={t("field.amount")} required testId="expenditure-amount" />
        <DateItem name="spentOn" label={t("field.spentOn")} required />
      </div>
      <Form.Item name="payee" label={t("field.payee")} required>
        <Input maxLength={100} data-testid="expenditure-payee" />
      </Form.Item>
      <Form.Item name="purpose" label={t("field.purpose")} required>
        <Input maxLength={200} data-testid="expenditure-purpose" />
      </Form.Item>
      <Form.Item name="receiptIds" label={t("field.receipts")} extra={t("ledger.receiptsHint")}>
        <ReceiptUpload />
      </Form.Item>
    </FormDrawer>
  );
}

/** The shared photo upload as a form control (value / onChange given by Form.Item). */
function ReceiptUpload({ value, onChange }: { value?: UploadFile[]; onChange?: (files: UploadFile[]) => void }) {
  return <PhotoUpload value={value ?? []} onChange={(files) => onChange?.(files)} max={10} />;
}
