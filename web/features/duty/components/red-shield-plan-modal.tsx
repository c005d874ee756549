import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationMonth } from "../../../../contracts/calendar.ts";
import { planUpdateSchema } from "../../../../contracts/duty.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useSavePlan } from "../api/red-shield.ts";
import { useRoster } from "../api/roster.ts";
import type { Plan } from "../api/types.ts";
import { weekdayNumbers } from "./labels.ts";

/** The plan form's values: the schedule as "the nth weekdays of a month", its hours and slot length. */
interface PlanValues {
  unitId?: number;
  nth: number[];
  weekday: number;
  times?: [Dayjs, Dayjs];
  slotMinutes?: number;
  place?: string;
  active: boolean;
}

/** Edits the red shield post's plan: which department sits, on which weekdays of the month, when and where. */
export function PlanModal({ open, onClose, plan }: { open: boolean; onClose: () => void; plan: Plan | null }) {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const roster = useRoster({ month: stationMonth(new Date()) });
  const save = useSavePlan();
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    const rule = plan?.rule.kind === "monthly_nth" ? plan.rule : { kind: "monthly_nth" as const, nth: [2, 4], weekday: 3 };
    form.setFieldsValue({
      unitId: plan?.unitId ?? roster.data?.units.find((u) => u.name.includes("市场监督"))?.id,
      nth: rule.nth,
      weekday: rule.weekday,
      times: [dayjs(`2000-01-01T${plan?.startTime ?? "10:00"}`), dayjs(`2000-01-01T${plan?.endTime ?? "12:00"}`)],
      slotMinutes: plan?.slotMinutes ?? 20,
      place: plan?.place ?? "",
      active: plan?.active ?? true,
    });
  }, [open, plan, form, roster.data]);
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue(true) as PlanValues;
    const input = {
      unitId: v.unitId,
      rule: { kind: "monthly_nth", nth: v.nth ?? [], weekday: v.weekday },
      startTime: v.times?.[0]?.format("HH:mm"),
      endTime: v.times?.[1]?.format("HH:mm"),
      slotMinutes: v.slotMinutes,
      place: v.place,
      active: v.active,
      stationId: roster.data?.stationId,
    };
    const checked = validateWith(planUpdateSchema, input, form);
    if (!checked.ok) return;
    try {
      await save.mutateAsync(checked.data);
      message.success(t("rs.planSaved"));
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("rs.planEdit")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={620}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="unitId" label={t("rs.unit")} required>
          <Select options={(roster.data?.units ?? []).filter((u) => u.kind !== "inactive").map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Space size={24} align="start">
          <Form.Item name="nth" label={t("rule.nth")} required>
            <Checkbox.Group options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t("rule.nthLabel", { n }) }))} />
          </Form.Item>
          <Form.Item name="weekday" label={t("rule.weekday")} required>
            <Select style={{ width: 120 }} options={weekdayNumbers.map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
          </Form.Item>
        </Space>
        <Space size={24} align="start">
          <Form.Item name="times" label={t("field.hours")} required>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} allowClear={false} />
          </Form.Item>
          <Form.Item name="slotMinutes" label={t("rs.slotMinutes")} required>
            <InputNumber min={10} max={120} step={5} addonAfter={t("rs.minutes")} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t("rs.place")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="active" label={t("rs.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
