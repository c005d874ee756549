import { Alert, App, Form, Input, InputNumber, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { offerCreateSchema, offerKinds } from "../../../../contracts/lists.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { yuanToFen } from "../../../app/money.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateOffer } from "../api/create-offer.ts";

/** Publish an offer: a unit's user for their own unit; staff for any unit of the station. */
export function OfferFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("lists");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm();
  const create = useCreateOffer();
  const ownUnit = me.allianceUnitId;
  const units = useAllianceUnits({ pageSize: 200, status: "active" });
  const kind = Form.useWatch("kind", form);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ kind: "service", unitId: ownUnit ?? undefined });
  }, [open, form, ownUnit]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      title: v.title ?? "",
      description: v.description ?? "",
      kind: v.kind,
      unitId: v.unitId,
      amountFen: v.kind === "money" && v.amountYuan != null ? yuanToFen(v.amountYuan) : null,
    };
    const checked = validateWith(offerCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      await create.mutateAsync(checked.data);
      message.success(t("offer.published"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  const unitOptions = ownUnit
    ? [{ value: ownUnit, label: me.allianceUnitName ?? String(ownUnit) }]
    : (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Modal open={open} title={t("offer.publish")} onCancel={onClose} onOk={submit} confirmLoading={create.isPending} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="unitId" label={t("field.unit")} required>
          <Select showSearch={{ optionFilterProp: "label" }} disabled={Boolean(ownUnit)} options={unitOptions} />
        </Form.Item>
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={offerKinds.map((k) => ({ value: k, label: t(`offerKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t("field.title")} required>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")} required>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {kind === "money" && (
          <Form.Item name="amountYuan" label={t("field.amountYuan")}>
            <InputNumber min={0} precision={2} style={{ width: "100%" }} prefix="¥" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
