import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  TimePicker,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { weekdayOf } from "../../../../contracts/calendar.ts";
import { shiftCreateSchema, shiftTimes } from "../../../../contracts/duty.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCreateShift, useDeleteShift, useUpdateShift } from "../api/shift-actions.ts";
import type { Roster, Shift } from "../api/types.ts";

export type Preset = keyof typeof shiftTimes | "custom";

function presetOf(start: string, end: string): Preset {
  for (const [key, t] of Object.entries(shiftTimes)) if (t.startTime === start && t.endTime === end) return key as Preset;
  return "custom";
}

interface Values {
  unitId?: number;
  date?: Dayjs;
  preset: Preset;
  times?: [Dayjs, Dayjs];
  capacity?: number;
  officerUserId?: number | null;
  note?: string;
}

export const hm = (t: string) => dayjs(`2000-01-01T${t}`);

/** The time preset (全天 / 上午 / 下午) and the hours it stands for; "custom" opens the time range. */
export function TimeFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation("duty");
  const preset = Form.useWatch("preset", form);
  return (
    <>
      <Form.Item name="preset" label={t("field.hours")}>
        <Radio.Group
          optionType="button"
          onChange={(e) => {
            const p = e.target.value as Preset;
            if (p !== "custom") form.setFieldValue("times", [hm(shiftTimes[p].startTime), hm(shiftTimes[p].endTime)]);
          }}
          options={(["full", "morning", "afternoon", "custom"] as const).map((p) => ({
            value: p,
            label: p === "custom" ? t("hours.custom") : `${t(`hours.${p}`)} ${shiftTimes[p].startTime}–${shiftTimes[p].endTime}`,
          }))}
        />
      </Form.Item>
      {preset === "custom" && (
        <Form.Item name="times" label={t("field.customHours")} required>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
      )}
    </>
  );
}

export const timesOf = (v: { preset: Preset; times?: [Dayjs, Dayjs] }) =>
  v.preset !== "custom"
    ? shiftTimes[v.preset]
    : { startTime: v.times?.[0]?.format("HH:mm") ?? "", endTime: v.times?.[1]?.format("HH:mm") ?? "" };

/** Put a department on duty for a day, or look at / change / remove one shift. */
export function ShiftFormModal({
  open,
  onClose,
  roster,
  shift,
  date,
  canManage,
}: {
  open: boolean;
  onClose: () => void;
  roster: Roster;
  /** Editing this shift; absent when creating. */
  shift?: Shift | null;
  /** The day a new shift starts on. */
  date?: string | null;
  canManage: boolean;
}) {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateShift();
  const update = useUpdateShift();
  const remove = useDeleteShift();
  const unitId = Form.useWatch("unitId", form) ?? shift?.unitId;
  const officers = roster.units.find((u) => u.id === unitId)?.officers ?? [];
  const readOnly = !canManage || (shift?.past ?? false);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (shift) {
      form.setFieldsValue({
        unitId: shift.unitId,
        date: dayjs(shift.date),
        preset: presetOf(shift.startTime, shift.endTime),
        times: [hm(shift.startTime), hm(shift.endTime)],
        capacity: shift.capacity,
        officerUserId: shift.officerUserId,
        note: shift.note ?? "",
      });
    } else {
      form.setFieldsValue({
        date: date ? dayjs(date) : undefined,
        preset: "full",
        times: [hm(shiftTimes.full.startTime), hm(shiftTimes.full.endTime)],
        capacity: 8,
        officerUserId: null,
      });
    }
  }, [open, shift, date, form]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue(true) as Values;
    const times = timesOf(v);
    try {
      if (shift) {
        const patch = {
          version: shift.version,
          date: v.date?.format("YYYY-MM-DD"),
          ...times,
          capacity: v.capacity,
          officerUserId: v.officerUserId ?? null,
          note: v.note || null,
        };
        await update.mutateAsync({ id: shift.id, patch });
        message.success(t("shift.saved"));
      } else {
        const input = {
          unitId: v.unitId,
          date: v.date?.format("YYYY-MM-DD"),
          ...times,
          capacity: v.capacity,
          officerUserId: v.officerUserId ?? null,
          note: v.note || null,
          stationId: roster.stationId,
        };
        const checked = validateWith(shiftCreateSchema, input, form);
        if (!checked.ok) return;
        await create.mutateAsync(checked.data);
        message.success(t("shift.created"));
      }
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
      setFailure(errorMessage(error));
    }
  };

  const del = async () => {
    if (!shift) return;
    try {
      await remove.mutateAsync({ id: shift.id, version: shift.version });
      message.success(t("shift.deleted"));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const title = shift ? (readOnly ? t("shift.view") : t("shift.edit")) : t("shift.add");
  const today = roster.today;

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={
        readOnly ? (
          <Button onClick={onClose}>{t("common:action.close")}</Button>
        ) : (
          <Space>
            {shift && (
              <Popconfirm
                title={t("shift.deleteConfirm", { unit: shift.unitName, date: shift.date })}
                okText={t("common:action.delete")}
                cancelText={t("common:action.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={del}
                disabled={shift.booked > 0}
              >
                <Button danger disabled={shift.booked > 0} loading={remove.isPending} data-testid="shift-delete">
                  {t("common:action.delete")}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onClose}>{t("common:action.cancel")}</Button>
            <Button type="primary" onClick={submit} loading={create.isPending || update.isPending} data-testid="shift-save">
              {t("common:action.save")}
            </Button>
          </Space>
        )
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="shift-error" />}
      {shift && shift.booked > 0 && !readOnly && (
        <Alert type="info" showIcon title={t("shift.bookedHint", { booked: shift.booked })} style={{ marginBottom: 16 }} />
      )}
      {readOnly && shift ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t("field.unit")}>{shift.unitName}</Descriptions.Item>
          <Descriptions.Item label={t("field.date")}>{`${shift.date} ${t(`weekday.${weekdayOf(shift.date)}`)}`}</Descriptions.Item>
          <Descriptions.Item label={t("field.hours")}>{`${shift.startTime}–${shift.endTime}`}</Descriptions.Item>
          <Descriptions.Item label={t("field.capacity")}>
            {t("shift.bookedOf", { booked: shift.booked, capacity: shift.capacity })}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.officer")}>{shift.officerName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("field.note")}>{shift.note ?? "—"}</Descriptions.Item>
          {shift.past && (
            <Descriptions.Item label={t("field.status")}>
              <Tag>{t("shift.pastReadOnly")}</Tag>
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="unitId" label={t("field.unit")} required>
            <Select
              disabled={!!shift}
              showSearch
              optionFilterProp="label"
              placeholder={t("field.unitPlaceholder")}
              options={roster.units.filter((u) => u.kind !== "inactive").map((u) => ({ value: u.id, label: u.name }))}
              onChange={() => form.setFieldValue("officerUserId", null)}
              data-testid="shift-unit"
            />
          </Form.Item>
          <Form.Item name="date" label={t("field.date")} required extra={shift?.booked ? t("shift.noMoveBooked") : undefined}>
            <DatePicker
              style={{ width: "100%" }}
              allowClear={false}
              disabled={!!shift && shift.booked > 0}
              disabledDate={(d) => d.format("YYYY-MM-DD") < today}
            />
          </Form.Item>
          <TimeFields form={form} />
          <Space size={16} style={{ display: "flex" }} align="start">
            <Form.Item name="capacity" label={t("field.capacity")} required extra={t("field.capacityHint")} style={{ minWidth: 200 }}>
              <InputNumber min={shift?.booked ?? 0} max={200} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="officerUserId" label={t("field.officer")} style={{ minWidth: 240 }}>
              <Select
                allowClear
                placeholder={officers.length ? t("field.officerPlaceholder") : t("field.noOfficers")}
                disabled={officers.length === 0}
                options={officers.map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t("field.note")}>
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
