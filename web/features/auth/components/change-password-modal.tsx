import { App, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { changePasswordSchema } from "../../../../contracts/auth.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, checkPassword, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useChangePassword } from "../api/change-password.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("auth");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useChangePassword();
  const me = useMe();

  const submit = async () => {
    const values = form.getFieldsValue();
    const checked = validateWith(
      changePasswordSchema,
      {
        currentPassword: values.currentPassword ?? "",
        newPassword: values.newPassword ?? "",
      },
      form,
    );
    if (!checked.ok) return;
    if (!checkPassword(form, "newPassword", checked.data.newPassword, { username: me.username })) return;
    if (values.newPassword !== values.confirmPassword) {
      form.setFields([{ name: "confirmPassword", errors: [t("passwordsDiffer")] }]);
      return;
    }
    try {
      await mutation.mutateAsync(checked.data);
      message.success(t("passwordChanged"));
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t("changePassword")}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={mutation.isPending}
      okText={t("common:action.save")}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="currentPassword" label={t("currentPassword")}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t("newPassword")} extra={t("passwordRule")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t("confirmPassword")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
