import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { needCreateSchema, needKinds } from "../../../../contracts/lists.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateNeed } from "../api/create-need.ts";

export function NeedFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("lists");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm();
  const create = useCreateNeed();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ kind: "other", stationId: me.stations.length === 1 ? me.stations[0].id : undefined });
  }, [open, form, me.stations]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const checked = validateWith(
      needCreateSchema,
      { title: v.title ?? "", description: v.description ?? "", kind: v.kind, ...(v.stationId ? { stationId: v.stationId } : {}) },
      form,
    );
    if (!checked.ok) return;
    try {
      await create.mutateAsync(checked.data);
      message.success(t("need.raised"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal open={open} title={t("need.raise")} onCancel={onClose} onOk={submit} confirmLoading={create.isPending} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("field.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={needKinds.map((k) => ({ value: k, label: t(`needKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t("field.title")} required>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")} required>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
