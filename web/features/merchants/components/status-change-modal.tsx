import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Merchant, merchantStatusChangeSchema, merchantStatuses } from "../../../../contracts/merchants.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useChangeMerchantStatus } from "../api/change-merchant-status.ts";

/** Change a merchant's status: pick the new one, give a reason, then confirm once more. */
export function StatusChangeModal({ merchant, open, onClose }: { merchant: Merchant; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("merchants");
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ status?: string; reason?: string }>();
  const mutation = useChangeMerchantStatus();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setFailure(null);
    }
  }, [open, form]);

  const submit = () => {
    const v = form.getFieldsValue();
    const input = { status: v.status, reason: v.reason || null, version: merchant.version };
    const checked = validateWith(merchantStatusChangeSchema, input, form);
    if (!checked.ok) return;
    const status = checked.data.status;
    modal.confirm({
      title: t("statusConfirmTitle"),
      content: t("statusConfirmBody", {
        name: merchant.name,
        from: t(`common:enum.merchantStatus.${merchant.status}`),
        to: t(`common:enum.merchantStatus.${status}`),
      }),
      okButtonProps: { danger: status === "closed" },
      onOk: async () => {
        try {
          await mutation.mutateAsync({ id: merchant.id, input: { status, reason: checked.data.reason, version: merchant.version } });
          message.success(t("statusChanged"));
          onClose();
        } catch (error) {
          if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
        }
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t("changeStatus")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.next")}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="status" label={t("newStatus")} required>
          <Select
            options={merchantStatuses
              .filter((s) => s !== merchant.status)
              .map((s) => ({ value: s, label: t(`common:enum.merchantStatus.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("reason")}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
