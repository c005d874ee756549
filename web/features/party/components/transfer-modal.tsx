import { Alert, App, DatePicker, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import { type Member, memberTransferSchema } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useTransferMember } from "../api/transfer-member.ts";

/** Transfer a member's organisational relationship out, after a clear warning. */
export function TransferModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ on?: Dayjs | null; toOrganisation?: string }>();
  const transfer = useTransferMember();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!member) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ on: dayjs(stationDate(new Date())) });
  }, [member, form]);

  const submit = async () => {
    if (!member) return;
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      direction: "out",
      on: v.on?.format("YYYY-MM-DD") ?? "",
      toOrganisation: v.toOrganisation ?? "",
      version: member.version,
    };
    const checked = validateWith(memberTransferSchema, input, form);
    if (!checked.ok) return;
    try {
      await transfer.mutateAsync({ id: member.id, input: checked.data });
      message.success(t("members.transferred"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={member !== null}
      title={member ? t("members.transferTitle", { name: member.name }) : ""}
      onCancel={onClose}
      onOk={submit}
      okText={t("members.transfer")}
      okButtonProps={{ danger: true, "data-testid": "transfer-ok" } as never}
      confirmLoading={transfer.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("members.transferWarning")} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="on" label={t("field.transferOn")} required>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="toOrganisation" label={t("field.toOrganisation")} required>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
