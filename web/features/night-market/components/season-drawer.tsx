// A new season: its nights, hours, closed nights, application deadline and allocation rule, validated with the
// contract's schema, the server's field errors shown on the fields.
import { Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { allocationRules, seasonCreateSchema } from "../../../../contracts/night-market.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCreateSeason } from "../api/seasons.ts";

export function SeasonDrawer({ open, onClose, stationId }: { open: boolean; onClose: () => void; stationId?: number }) {
  const { t } = useTranslation("night-market");
  const [form] = Form.useForm();
  const create = useCreateSeason();
  const submit = async () => {
    const v = form.getFieldsValue();
    const [from, to] = (v.dates ?? []) as Dayjs[];
    const body = {
      stationId,
      name: v.name,
      startsOn: from?.format("YYYY-MM-DD"),
      endsOn: to?.format("YYYY-MM-DD"),
      opensAt: (v.opensAt as Dayjs | undefined)?.format("HH:mm"),
      closesAt: (v.closesAt as Dayjs | undefined)?.format("HH:mm"),
      closedNights: ((v.closedNights ?? []) as Dayjs[]).map((d) => d.format("YYYY-MM-DD")),
      closedWeekdays: v.closedWeekdays ?? [],
      applicationDeadline: (v.applicationDeadline as Dayjs | undefined)?.toISOString(),
      allocationRule: v.allocationRule,
      maxPitchesPerOperator: v.maxPitchesPerOperator,
      checkinBy: (v.checkinBy as Dayjs | undefined)?.format("HH:mm"),
      suspendAfter: v.suspendAfter,
      depositFen: Math.round((v.deposit ?? 0) * 100),
    };
    const checked = validateWith(seasonCreateSchema, body, form);
    if (!checked.ok) return;
    try {
      await create.mutateAsync(body);
      form.resetFields();
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t("seasons.create")}
      size={520}
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" loading={create.isPending} onClick={submit} data-testid="season-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          opensAt: dayjs("19:30", "HH:mm"),
          closesAt: dayjs("00:30", "HH:mm"),
          checkinBy: dayjs("20:30", "HH:mm"),
          allocationRule: "lottery",
          maxPitchesPerOperator: 2,
          suspendAfter: 3,
          deposit: 500,
        }}
      >
        <Form.Item name="name" label={t("field.name")} required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="dates" label={t("field.dates")} required>
          <DatePicker.RangePicker style={{ width: "100%" }} />
        </Form.Item>
        <Space>
          <Form.Item name="opensAt" label={t("field.opensAt")} required>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="closesAt" label={t("field.closesAt")} required>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="checkinBy" label={t("field.checkinBy")} required>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
        </Space>
        <Form.Item name="closedWeekdays" label={t("field.closedWeekdays")}>
          <Select mode="multiple" allowClear options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
        </Form.Item>
        <Form.Item name="closedNights" label={t("field.closedNights")}>
          <DatePicker multiple style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="applicationDeadline" label={t("field.deadline")} required>
          <DatePicker showTime={{ format: "HH:mm" }} style={{ width: "100%" }} />
        </Form.Item>
        <Space>
          <Form.Item name="allocationRule" label={t("field.rule")} required>
            <Select style={{ width: 140 }} options={allocationRules.map((r) => ({ value: r, label: t(`rule.${r}`) }))} />
          </Form.Item>
          <Form.Item name="maxPitchesPerOperator" label={t("field.maxPitches")} required>
            <InputNumber min={1} max={10} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="suspendAfter" label={t("field.suspendAfter")} required>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="deposit" label={t("field.deposit")}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
