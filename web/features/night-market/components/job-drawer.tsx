import { Button, Checkbox, DatePicker, Drawer, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { employerKinds, jobCreateSchema } from "../../../../contracts/night-market.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCreateJob } from "../api/jobs.ts";

/** A job the night market created: the employer (an operator or the market), the person, role, origin and dates. */
export function JobDrawer({
  open,
  onClose,
  stationId,
  operators,
}: {
  open: boolean;
  onClose: () => void;
  stationId?: number;
  operators: { id: number; name: string }[];
}) {
  const { t } = useTranslation("night-market");
  const [form] = Form.useForm();
  const create = useCreateJob();
  const employerKind = Form.useWatch("employerKind", form);
  const submit = async () => {
    const v = form.getFieldsValue();
    const body = {
      stationId,
      employerKind: v.employerKind,
      operatorId: v.employerKind === "operator" ? (v.operatorId ?? null) : null,
      personName: v.personName,
      mobile: v.mobile || null,
      role: v.role,
      origin: v.origin,
      startsOn: (v.startsOn as Dayjs | undefined)?.format("YYYY-MM-DD"),
      endsOn: (v.endsOn as Dayjs | undefined)?.format("YYYY-MM-DD") ?? null,
      hasContract: !!v.hasContract,
    };
    if (!validateWith(jobCreateSchema, body, form).ok) return;
    try {
      await create.mutateAsync(body);
      form.resetFields();
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t("jobs.create")}
      size={480}
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending}>
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ employerKind: "operator", hasContract: true }}>
        <Form.Item name="employerKind" label={t("field.employer")} required>
          <Select options={employerKinds.map((k) => ({ value: k, label: t(`employer.${k}`) }))} />
        </Form.Item>
        {employerKind === "operator" && (
          <Form.Item name="operatorId" label={t("field.operator")} required>
            <Select showSearch={{ optionFilterProp: "label" }} options={operators.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="personName" label={t("field.person")} required>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="mobile" label={t("field.mobile")}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="role" label={t("field.role")} required>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="origin" label={t("field.origin")} required>
          <Input maxLength={40} placeholder="喀什地区" />
        </Form.Item>
        <Space>
          <Form.Item name="startsOn" label={t("field.startsOnJob")} required>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t("field.endsOnJob")}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="hasContract" valuePropName="checked">
          <Checkbox>{t("field.contract")}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
