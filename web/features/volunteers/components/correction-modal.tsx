import { Alert, App, Form, Input, InputNumber, Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { correctionSchema } from "../../../../contracts/volunteers.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCorrect } from "../api/occurrences.ts";
import type { Objection, OccurrenceDetail, Signup } from "../api/types.ts";
import { hoursOf } from "./labels.ts";

export interface CorrectionTarget {
  signup: Signup;
  objection?: Objection;
}

/** 更正服务记录: one volunteer's minutes during the public notice, with a reason (answering their objection, when there is one). */
export function CorrectionModal({
  occurrence,
  target,
  onClose,
}: {
  occurrence: OccurrenceDetail;
  target: CorrectionTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ minutes?: number | null; reason?: string }>();
  const correct = useCorrect();
  const [failure, setFailure] = useState<string | null>(null);
  const windowMinutes = Math.round((Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)) / 60_000);
  const minutes = Form.useWatch("minutes", form);

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ minutes: target.signup.minutes ?? 0, reason: "" });
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      signupId: target.signup.id,
      minutes: v.minutes ?? undefined,
      reason: v.reason ?? "",
      ...(target.objection ? { objectionId: target.objection.id } : {}),
    };
    const checked = validateWith(correctionSchema, input, form);
    if (!checked.ok) return;
    try {
      await correct.mutateAsync({ id: occurrence.id, input: checked.data });
      message.success(t("correction.saved", { name: target.signup.volunteerName }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t("correction.title", { name: target.signup.volunteerName }) : ""}
      onCancel={onClose}
      onOk={submit}
      okText={t("correction.submit")}
      okButtonProps={{ "data-testid": "correction-ok" } as never}
      confirmLoading={correct.isPending}
      destroyOnHidden
      width={520}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {target?.objection && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("correction.objection")}
          description={target.objection.reason}
        />
      )}
      {target && (
        <Typography.Paragraph type="secondary">
          {t("correction.current", { minutes: target.signup.minutes ?? 0, hours: hoursOf(target.signup.minutes), window: windowMinutes })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="minutes"
          label={t("correction.minutes")}
          required
          extra={t("correction.minutesHint", { hours: hoursOf(minutes ?? 0), window: windowMinutes })}
        >
          <InputNumber
            min={0}
            max={windowMinutes}
            precision={0}
            style={{ width: 200 }}
            suffix={t("unit.minutes")}
            data-testid="correction-minutes"
          />
        </Form.Item>
        <Form.Item name="reason" label={t("correction.reason")} required>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t("correction.reasonPlaceholder")}
            data-testid="correction-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
