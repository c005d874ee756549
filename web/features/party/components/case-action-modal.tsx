import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import { type DevelopmentCase, extensionSchema, stopCaseSchema } from "../../../../contracts/party.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useExtendProbation } from "../api/extend-probation.ts";
import { useStopCase } from "../api/stop-case.ts";

export type CaseAction = "extend" | "stop";

/** Extend the probation (once, 6–12 months) or stop the case; each with a date and a reason. */
export function CaseActionModal({ record, action, onClose }: { record: DevelopmentCase; action: CaseAction | null; onClose: () => void }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ months?: number; on?: Dayjs | null; reason?: string }>();
  const extend = useExtendProbation();
  const stop = useStopCase();
  const [failure, setFailure] = useState<{ title: string; rule?: string } | null>(null);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ on: dayjs(stationDate(new Date())), months: action === "extend" ? 6 : undefined });
  }, [action, form]);

  const submit = async () => {
    if (!action) return;
    setFailure(null);
    const v = form.getFieldsValue();
    const base = { on: v.on?.format("YYYY-MM-DD") ?? "", reason: v.reason ?? "", version: record.version };
    try {
      if (action === "extend") {
        const checked = validateWith(extensionSchema, { ...base, months: v.months }, form);
        if (!checked.ok) return;
        await extend.mutateAsync({ id: record.id, input: checked.data });
        message.success(t("case.extended", { months: checked.data.months }));
      } else {
        const checked = validateWith(stopCaseSchema, base, form);
        if (!checked.ok) return;
        await stop.mutateAsync({ id: record.id, input: checked.data });
        message.success(t("case.stopped"));
      }
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id.startsWith("development.")) setFailure({ title: t("case.refused"), rule: error.message });
      else if (!applyServerErrors(error, form)) setFailure({ title: errorMessage(error) });
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action === "extend" ? t("case.extend") : t("case.stop")}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ danger: action === "stop", "data-testid": "case-action-ok" } as never}
      confirmLoading={extend.isPending || stop.isPending}
      destroyOnHidden
    >
      <Alert
        type={action === "stop" ? "warning" : "info"}
        showIcon
        title={action === "stop" ? t("case.stopWarning") : t("case.extendHint")}
        style={{ marginBottom: 16 }}
      />
      {failure && <Alert type="error" showIcon title={failure.title} description={failure.rule} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        {action === "extend" && (
          <Form.Item name="months" label={t("field.months")} required>
            <InputNumber min={6} max={12} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        )}
        <Form.Item name="on" label={t("field.on")} required>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="reason" label={t("field.reason")} required>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
