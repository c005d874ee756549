import { App, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { resetPasswordSchema, type User } from "../../../../contracts/users.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, checkPassword, validateWith } from "../../../app/form-errors.ts";
import { useResetPassword } from "../api/reset-password.ts";

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation("users");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password?: string }>();
  const mutation = useResetPassword();

  const submit = async () => {
    if (!user) return;
    const checked = validateWith(resetPasswordSchema, { password: form.getFieldValue("password") ?? "" }, form);
    if (!checked.ok) return;
    if (!checkPassword(form, "password", checked.data.password, { username: user.username })) return;
    try {
      await mutation.mutateAsync({ id: user.id, password: checked.data.password });
      message.success(t("passwordReset", { name: user.displayName }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t("resetPasswordTitle", { name: user?.displayName ?? "" })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label={t("field.newPassword")} extra={t("passwordHint")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
