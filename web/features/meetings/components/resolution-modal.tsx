import { Alert, App, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, stationDate } from "../../../../contracts/calendar.ts";
import { type Meeting, resolutionCreateSchema } from "../../../../contracts/meetings.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useAddResolution } from "../api/add-resolution.ts";

/** A resolution of a held meeting: an action item with an owner unit and a due date. */
export function ResolutionModal({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("meetings");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useAddResolution();
  const units = useAllianceUnits({ pageSize: 200, status: "active" });
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ dueDate: dayjs(addDays(stationDate(new Date()), 30)) });
  }, [open, form]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = { text: v.text ?? "", ownerUnitId: v.ownerUnitId, dueDate: v.dueDate ? v.dueDate.format("YYYY-MM-DD") : "" };
    const checked = validateWith(resolutionCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      await add.mutateAsync({ id: meeting.id, input: checked.data });
      message.success(t("resolution.added"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  // Invited units first: they were at the table.
  const invited = new Set(meeting.invitedUnits.map((u) => u.id));
  const options = [...(units.data?.items ?? [])]
    .sort((a, b) => Number(invited.has(b.id)) - Number(invited.has(a.id)))
    .map((u) => ({ value: u.id, label: u.name }));

  return (
    <Modal open={open} title={t("resolution.add")} onCancel={onClose} onOk={submit} confirmLoading={add.isPending} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={t("resolution.text")} required>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="resolution-text" />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t("resolution.ownerUnit")} required>
          <Select showSearch={{ optionFilterProp: "label" }} options={options} loading={units.isPending} data-testid="resolution-unit" />
        </Form.Item>
        <Form.Item name="dueDate" label={t("resolution.dueDate")} required>
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.format("YYYY-MM-DD") < stationDate(new Date())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
