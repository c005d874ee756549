import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { policyCreateSchema, policyKinds } from "../../../../contracts/economy.ts";
import { merchantCategories, merchantStatuses } from "../../../../contracts/merchants.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, translateValidation, validateWith } from "../../../app/form-errors.ts";
import { yuanToFen } from "../../../app/money.ts";
import { useCreatePolicy } from "../api/console.ts";

interface Values {
  kind?: string;
  title?: string;
  beneficiaries?: string;
  conditions?: string;
  amounts?: string;
  whereToApply?: string;
  contact?: string;
  opensOn?: Dayjs;
  deadline?: Dayjs;
  capYuan?: number;
  capFen?: string;
  categories?: string[];
  statuses?: string[];
  requiresStall?: boolean;
  registeredBy?: Dayjs;
  licenceValidOn?: Dayjs;
}

/** A new policy item with its guide and the conditions the registry is checked against; it starts as a draft. */
export function PolicyFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("economy");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePolicy();
  const day = (d?: Dayjs) => (d ? d.format("YYYY-MM-DD") : undefined);
  const submit = async () => {
    const v = form.getFieldsValue();
    const body = {
      kind: v.kind,
      title: v.title,
      beneficiaries: v.beneficiaries,
      conditions: v.conditions,
      amounts: v.amounts,
      whereToApply: v.whereToApply,
      contact: v.contact,
      opensOn: day(v.opensOn),
      deadline: day(v.deadline),
      capFen: v.capYuan === undefined || v.capYuan === null ? undefined : yuanToFen(v.capYuan),
      eligibility: {
        categories: v.categories ?? [],
        statuses: v.statuses ?? [],
        requiresStall: v.requiresStall ?? false,
        registeredBy: day(v.registeredBy) ?? null,
        licenceValidOn: day(v.licenceValidOn) ?? null,
      },
    };
    const checked = validateWith(policyCreateSchema, body, form);
    if (!checked.ok) {
      const cap = form.getFieldError("capFen");
      if (cap.length) form.setFields([{ name: "capYuan", errors: v.capYuan == null ? [translateValidation("v.required")] : cap }]);
      return;
    }
    try {
      await create.mutateAsync(checked.data);
      message.success(t("console.policyCreated"));
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  const text = (name: keyof Values, rows = 1) => (
    <Form.Item name={name} label={t(`field.${name}`)} required>
      {rows > 1 ? <Input.TextArea rows={rows} /> : <Input />}
    </Form.Item>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t("console.newPolicy")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="policy-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: "rent_relief", statuses: ["open"], requiresStall: true }}>
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={policyKinds.map((k) => ({ value: k, label: t(`policyKind.${k}`) }))} />
        </Form.Item>
        {text("title")}
        {text("beneficiaries", 2)}
        {text("conditions", 2)}
        {text("amounts", 2)}
        {text("whereToApply")}
        {text("contact")}
        <Space>
          <Form.Item name="opensOn" label={t("field.opensOn")} required>
            <DatePicker />
          </Form.Item>
          <Form.Item name="deadline" label={t("field.deadline")} required>
            <DatePicker />
          </Form.Item>
          <Form.Item name="capYuan" label={t("field.cap")} required>
            <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="capFen" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="categories" label={t("console.eligibleCategories")}>
          <Select
            mode="multiple"
            allowClear
            options={merchantCategories.map((c) => ({ value: c, label: t(`common:enum.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="statuses" label={t("console.eligibleStatuses")}>
          <Select
            mode="multiple"
            allowClear
            options={merchantStatuses.map((s) => ({ value: s, label: t(`common:enum.merchantStatus.${s}`) }))}
          />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="requiresStall" label={t("console.requiresStall")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="registeredBy" label={t("console.registeredBy")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="licenceValidOn" label={t("console.licenceValidOn")}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
