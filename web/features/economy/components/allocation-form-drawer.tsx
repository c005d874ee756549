import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, InputNumber, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { allocationCreateSchema, type FundingSource, splitByShares } from "../../../../contracts/economy.ts";
import { translateValidation } from "../../../app/form-errors.ts";
import { formatYuan } from "../../../app/money.ts";
import { useAllocate, useProjectOptions } from "../api/console.ts";
import { checked, DateItem, FormDrawer, MoneyItem } from "./form-drawer.tsx";

interface Target {
  to?: "project" | "activity";
  projectId?: number | null;
  activity?: string | null;
  shareBp?: number;
}
interface Values {
  sourceId?: number;
  amountFen?: number;
  allocatedOn?: string;
  note?: string | null;
  targets?: Target[];
}

/** One line from a source, split by shares (summing to 100 %) across projects or activities. */
export function AllocationFormDrawer({
  open,
  sources,
  sourceId,
  today,
  onClose,
}: {
  open: boolean;
  sources: FundingSource[];
  sourceId: number | null;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("economy");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const allocate = useAllocate();
  const projects = useProjectOptions();
  const chosen = Form.useWatch("sourceId", form);
  const amountFen = Form.useWatch("amountFen", form) ?? 0;
  const targets: Target[] = Form.useWatch("targets", form) ?? [];
  const source = sources.find((s) => s.id === chosen);
  const sum = targets.reduce((s, x) => s + (x?.shareBp ?? 0), 0);
  const split = splitByShares(
    amountFen,
    targets.map((x) => x?.shareBp ?? 0),
  );
  const save = async (v: Values) => {
    // A line meant for a project names one (the contract asks for a project or an activity on each line).
    const unnamed = (v.targets ?? []).flatMap((x, i) => (x.to === "project" && !x.projectId ? [i] : []));
    if (unnamed.length) {
      form.setFields(unnamed.map((i) => ({ name: ["targets", i, "projectId"], errors: [translateValidation("v.required")] })));
      return;
    }
    const body = checked(
      allocationCreateSchema,
      {
        ...v,
        targets: (v.targets ?? []).map((x) => ({
          projectId: x.to === "project" ? (x.projectId ?? null) : null,
          activity: x.to === "activity" ? x.activity : null,
          shareBp: x.shareBp,
        })),
      },
      form,
    );
    if (!body) return;
    const made = await allocate.mutateAsync(body);
    message.success(t("ledger.allocated", { count: made.length, amount: formatYuan(body.amountFen) }));
    onClose();
  };
  return (
    <FormDrawer<Values>
      open={open}
      title={t("ledger.newAllocation")}
      form={form}
      size={720}
      initialValues={{
        sourceId: sourceId ?? undefined,
        allocatedOn: today,
        targets: [
          { to: "project", shareBp: 5000 },
          { to: "project", shareBp: 5000 },
        ],
      }}
      onClose={onClose}
      onSave={save}
      saving={allocate.isPending}
      testId="allocation-form"
    >
      <Form.Item
        name="sourceId"
        label={t("field.source")}
        required
        extra={source ? t("ledger.unallocated", { amount: formatYuan(source.unallocatedFen) }) : undefined}
      >
        <Select
          options={sources.map((s) => ({ value: s.id, label: `${s.name} · ${t("ledger.left")} ${formatYuan(s.unallocatedFen)}` }))}
          placeholder={t("ledger.pickSource")}
          data-testid="allocation-source"
        />
      </Form.Item>
      <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
        <MoneyItem name="amountFen" label={t("field.amount")} required testId="allocation-amount" />
        <DateItem name="allocatedOn" label={t("ledger.allocatedOn")} required />
      </div>
      <Typography.Text strong>{t("ledger.targets")}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t("ledger.targetsHint")}
      </Typography.Paragraph>
      <Form.List name="targets">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => {
              const to = targets[i]?.to ?? "project";
              return (
                <div
                  key={field.key}
                  style={{
                    display: "flex",
                    gap: 8,
                    alignItems: "flex-start",
                    padding: "8px 0",
                    borderTop: i ? "1px dashed #eee" : undefined,
                  }}
                  data-testid={`target-${i}`}
                >
                  <Form.Item name={[field.name, "to"]} style={{ marginBottom: 0, flex: "none" }}>
                    <Radio.Group
                      optionType="button"
                      size="small"
                      options={[
                        { value: "project", label: t("ledger.project") },
                        { value: "activity", label: t("ledger.activity") },
                      ]}
                    />
                  </Form.Item>
                  {to === "project" ? (
                    <Form.Item name={[field.name, "projectId"]} style={{ flex: 1, minWidth: 0, marginBottom: 0 }}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        placeholder={t("ledger.pickProject")}
                        loading={projects.isFetching}
                        options={(projects.data?.items ?? [])
                          .filter((p) => !source || p.stationId === source.stationId)
                          .map((p) => ({ value: p.id, label: p.name }))}
                        data-testid={`target-project-${i}`}
                      />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[field.name, "activity"]} style={{ flex: 1, minWidth: 0, marginBottom: 0 }}>
                      <Input maxLength={100} placeholder={t("ledger.activityHint")} data-testid={`target-activity-${i}`} />
                    </Form.Item>
                  )}
                  <Form.Item
                    name={[field.name, "shareBp"]}
                    style={{ marginBottom: 0, flex: "none" }}
                    getValueProps={(bp: number | undefined) => ({ value: typeof bp === "number" ? bp / 100 : bp })}
                    normalize={(pct: number | null) => (pct === null || pct === undefined ? undefined : Math.round(pct * 100))}
                  >
                    <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 110 }} data-testid={`target-share-${i}`} />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ width: 110, flex: "none", textAlign: "right", lineHeight: "32px" }}>
                    {amountFen > 0 ? formatYuan(split[i]) : ""}
                  </Typography.Text>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                    aria-label={t("ledger.removeTarget")}
                  />
                </div>
              );
            })}
            <div style={{ display: "flex", alignItems: "center", gap: 12, marginTop: 8 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ to: "project" })} disabled={fields.length >= 20}>
                {t("ledger.addTarget")}
              </Button>
              <Typography.Text type={sum === 10_000 ? "success" : "danger"} data-testid="shares-sum">
                {t("ledger.sharesSum", { sum: (sum / 100).toFixed(2) })}
              </Typography.Text>
            </div>
            {/* The shares' error stays only while they do not make 100 %. */}
            {sum !== 10_000 && errors.length > 0 && (
              <Typography.Text type="danger" style={{ display: "block", marginTop: 4 }} data-testid="shares-error">
                {errors}
              </Typography.Text>
            )}
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t("ledger.note")} style={{ marginTop: 16 }}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDrawer>
  );
}
