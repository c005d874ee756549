import { Checkbox, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { incidentKinds } from "../../../../contracts/night-market.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import { useRecordIncident } from "../api/nights.ts";
import type { Pitch } from "../api/types.ts";

/** An incident of the night: its kind, the pitch (whose operator a bad record counts against), and whether it becomes a problem. */
export function IncidentModal({
  open,
  onClose,
  night,
  stationId,
  pitches,
}: {
  open: boolean;
  onClose: () => void;
  night: string;
  stationId?: number;
  pitches: Pitch[];
}) {
  const { t } = useTranslation("night-market");
  const [form] = Form.useForm();
  const record = useRecordIncident();
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      await record.mutateAsync({
        stationId,
        night,
        kind: v.kind,
        pitchId: v.pitchId ?? null,
        description: v.description ?? "",
        badRecord: !!v.badRecord,
        toProblem: !!v.toProblem,
      });
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} confirmLoading={record.isPending} title={t("board.incident")} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: "noise" }} preserve={false}>
        <Form.Item name="kind" label={t("field.kind")}>
          <Select options={incidentKinds.map((k) => ({ value: k, label: t(`incidentKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="pitchId" label={t("field.number")}>
          <Select allowClear showSearch={{ optionFilterProp: "label" }} options={pitches.map((p) => ({ value: p.id, label: p.number }))} />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")} required>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="badRecord" valuePropName="checked">
          <Checkbox>{t("field.badRecord")}</Checkbox>
        </Form.Item>
        <Form.Item name="toProblem" valuePropName="checked">
          <Checkbox>{t("field.toProblem")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
