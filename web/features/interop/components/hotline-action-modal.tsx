// One step on a 12345 work order that needs words: return (退单) with a reason, an extension (延期) with days and a
// reason, the reply (答复; empty takes the problem's resolution), the follow-up call's result (回访).
import { App, Form, Input, InputNumber, Modal, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { type HotlineOrder, hotlineActionSchema, satisfactions } from "../../../../contracts/interop.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useHotlineAction } from "../api/hotline.ts";

export type WordedAction = "return" | "extend" | "reply" | "visit";

export function HotlineActionModal({
  order,
  action,
  onClose,
}: {
  order: HotlineOrder | null;
  action: WordedAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("interop");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mutation = useHotlineAction();

  const submit = async () => {
    if (!order || !action) return;
    const values = form.getFieldsValue();
    const raw: Record<string, unknown> = { action, version: order.version };
    if (action === "return") raw.reason = values.reason ?? "";
    if (action === "extend") Object.assign(raw, { days: values.days, reason: values.reason ?? "" });
    if (action === "reply" && values.text) raw.text = values.text;
    if (action === "visit") raw.satisfaction = values.satisfaction;
    const checked = validateWith(hotlineActionSchema, raw, form);
    if (!checked.ok) return;
    try {
      await mutation.mutateAsync({ id: order.id, input: checked.data });
      message.success(t(`hotline.done.${action}`));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={order !== null && action !== null}
      title={action ? t(`hotline.action.${action}`) : ""}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {action === "extend" && (
          <Form.Item name="days" label={t("hotline.field.extensionDays")} extra={t("hotline.extendHint")}>
            <InputNumber min={1} max={30} style={{ width: 120 }} />
          </Form.Item>
        )}
        {(action === "return" || action === "extend") && (
          <Form.Item name="reason" label={t("hotline.field.reason")}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {action === "reply" && (
          <Form.Item name="text" label={t("hotline.field.replyText")} extra={t("hotline.replyHint")}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        )}
        {action === "visit" && (
          <Form.Item name="satisfaction" label={t("hotline.field.satisfaction")}>
            <Radio.Group options={satisfactions.map((s) => ({ value: s, label: t(`hotline.satisfaction.${s}`) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
