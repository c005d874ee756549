import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space, Switch, TimePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { bookingPurposes } from "../../../../contracts/events.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import { type Booking, useCulturalTeams, useRequestBooking, useVenues } from "../api/stage.ts";

interface Values {
  venueId?: number;
  teamId?: number;
  purpose: string;
  title?: string;
  date?: Dayjs;
  time?: [Dayjs, Dayjs];
  repeats: boolean;
  weekdays?: number[];
  until?: Dayjs;
}

/** 预约舞台: one date, or a rehearsal repeating on weekdays until a date; the server refuses what overlaps. */
export function BookingDrawer({ open, onClose, onBooked }: { open: boolean; onClose: () => void; onBooked: (b: Booking[]) => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const repeats = Form.useWatch("repeats", form);
  const venues = useVenues();
  const teams = useCulturalTeams();
  const request = useRequestBooking();
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    try {
      const res = await request.mutateAsync({
        venueId: v.venueId as number,
        teamId: v.teamId ?? null,
        purpose: v.purpose as Booking["purpose"],
        title: v.title ?? "",
        date: v.date?.format("YYYY-MM-DD") ?? "",
        startTime: v.time?.[0]?.format("HH:mm") ?? "",
        endTime: v.time?.[1]?.format("HH:mm") ?? "",
        repeat: v.repeats ? { rule: { kind: "weekly", weekdays: v.weekdays ?? [] }, until: v.until?.format("YYYY-MM-DD") ?? "" } : null,
      });
      message.success(t("stage.requested", { count: res.created }));
      form.resetFields();
      onBooked(res.items);
    } catch (error) {
      const placed = applyServerErrors(error, form);
      if (!placed) message.error(errorMessage(error));
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t("stage.book")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={request.isPending} data-testid="booking-submit">
            {t("stage.submit")}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t("stage.rules")} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ purpose: "rehearsal", repeats: false, venueId: venues.data?.[0]?.id }}>
        <Form.Item name="venueId" label={t("stage.venue")} required>
          <Select options={(venues.data ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.openFrom}–${v.openTo}）` }))} />
        </Form.Item>
        <Form.Item name="teamId" label={t("stage.team")}>
          <Select allowClear options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} data-testid="booking-team" />
        </Form.Item>
        <Form.Item name="purpose" label={t("stage.purpose")} required>
          <Select options={bookingPurposes.map((p) => ({ value: p, label: t(`purpose.${p}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t("stage.bookingTitle")} required>
          <Input maxLength={100} data-testid="booking-title" />
        </Form.Item>
        <Form.Item name="date" label={t("stage.date")} required>
          <DatePicker style={{ width: "100%" }} data-testid="booking-date" />
        </Form.Item>
        <Form.Item name="time" label={t("stage.time")} required>
          <TimePicker.RangePicker format="HH:mm" minuteStep={30} style={{ width: "100%" }} data-testid="booking-time" />
        </Form.Item>
        <Form.Item name="repeats" label={t("stage.repeats")} valuePropName="checked">
          <Switch />
        </Form.Item>
        {repeats && (
          <>
            <Form.Item name="weekdays" label={t("stage.weekdays")} required>
              <Select mode="multiple" options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
            </Form.Item>
            <Form.Item name="until" label={t("stage.until")} required>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
