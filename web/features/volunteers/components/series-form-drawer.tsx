import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  TimePicker,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, stationDate, weekdayOf } from "../../../../contracts/calendar.ts";
import { describeRule, expandRule, type RepeatRule } from "../../../../contracts/schedule.ts";
import { seriesCreateSchema } from "../../../../contracts/volunteers.ts";
import { currentLanguage, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateSeries } from "../api/series.ts";
import { useTeams } from "../api/teams.ts";

type Kind = "monthly_days" | "weekly" | "once";

interface Values {
  stationId?: number;
  title?: string;
  kind: Kind;
  repeat?: { days?: number[]; weekdays?: number[]; date?: Dayjs | null };
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  place?: string;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  teamIds?: number[];
  placesPerTeam?: number | null;
  deadlineHours?: number | null;
}

/** How far ahead occurrences are generated (the server's GENERATE_DAYS): the preview shows the same dates. */
const AHEAD_DAYS = 60;

function repeatOf(v: Values) {
  if (v.kind === "once") return { kind: "once" as const, date: v.repeat?.date ? v.repeat.date.format("YYYY-MM-DD") : "" };
  if (v.kind === "weekly") return { kind: "weekly" as const, weekdays: v.repeat?.weekdays ?? [] };
  return { kind: "monthly_days" as const, days: v.repeat?.days ?? [] };
}

/** 新建活动系列: a repeat rule (the 16th, the 28th, weekly or once), place, time window, teams and places, sign-up deadline. */
export function SeriesFormDrawer({ open, onClose, stationId }: { open: boolean; onClose: () => void; stationId?: number }) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateSeries();
  const [failure, setFailure] = useState<string | null>(null);
  const chosenStation = Form.useWatch("stationId", form) ?? stationId ?? (me.stations.length === 1 ? me.stations[0].id : undefined);
  const teams = useTeams(chosenStation);
  const kind = Form.useWatch("kind", form);
  const watched = Form.useWatch([], form) as Values | undefined;
  const today = stationDate(new Date());

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({
      stationId: stationId ?? (me.stations.length === 1 ? me.stations[0].id : undefined),
      kind: "monthly_days",
      repeat: { days: [16], weekdays: [6], date: dayjs(addDays(today, 7)) },
      startTime: dayjs("2000-01-01T10:00"),
      endTime: dayjs("2000-01-01T12:00"),
      placesPerTeam: 8,
      deadlineHours: 24,
      teamIds: [],
    });
  }, [open, form, stationId, me.stations, today]);

  // The dates the series will have in the coming 60 days, as the server generates them.
  const preview = (() => {
    if (!watched?.kind) return null;
    const repeat = repeatOf(watched);
    if (repeat.kind === "once") return repeat.date ? { text: t("series.once"), dates: repeat.date >= today ? [repeat.date] : [] } : null;
    const rule = repeat as RepeatRule;
    if ((rule.kind === "weekly" && !rule.weekdays.length) || (rule.kind === "monthly_days" && !rule.days.length)) return null;
    const from = watched.validFrom ? watched.validFrom.format("YYYY-MM-DD") : today;
    const until = addDays(today, AHEAD_DAYS);
    const to = watched.validTo && watched.validTo.format("YYYY-MM-DD") < until ? watched.validTo.format("YYYY-MM-DD") : until;
    const byNumber = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
    const sorted: RepeatRule =
      rule.kind === "weekly"
        ? { ...rule, weekdays: byNumber(rule.weekdays) }
        : rule.kind === "monthly_days"
          ? { ...rule, days: byNumber(rule.days) }
          : rule;
    return { text: describeRule(sorted, currentLanguage()), dates: expandRule(sorted, [from, today].sort()[1], to) };
  })();

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue(true) as Values;
    const input = {
      ...(v.stationId ? { stationId: v.stationId } : {}),
      title: v.title ?? "",
      repeat: repeatOf(v),
      ...(v.kind !== "once" && v.validFrom ? { validFrom: v.validFrom.format("YYYY-MM-DD") } : {}),
      ...(v.kind !== "once" && v.validTo ? { validTo: v.validTo.format("YYYY-MM-DD") } : {}),
      place: v.place ?? "",
      startTime: v.startTime ? v.startTime.format("HH:mm") : "",
      endTime: v.endTime ? v.endTime.format("HH:mm") : "",
      teamIds: v.teamIds ?? [],
      placesPerTeam: v.placesPerTeam ?? undefined,
      deadlineHours: v.deadlineHours ?? undefined,
    };
    const checked = validateWith(seriesCreateSchema, input, form);
    if (!checked.ok) {
      if (checked.unplaced.length) setFailure(checked.unplaced.join("；"));
      return;
    }
    try {
      const result = await create.mutateAsync(checked.data);
      message.success(t("series.created", { title: result.series.title, count: result.created }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      title={t("series.create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="series-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="series-error" />}
      <Form form={form} layout="vertical" preserve>
        {me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("common:list.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} onChange={() => form.setFieldValue("teamIds", [])} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t("field.title")} required>
          <Input maxLength={100} placeholder={t("series.titlePlaceholder")} data-testid="series-title" />
        </Form.Item>
        <Form.Item name="kind" label={t("series.repeat")} required>
          <Radio.Group
            optionType="button"
            options={(["monthly_days", "weekly", "once"] as const).map((k) => ({ value: k, label: t(`series.kinds.${k}`) }))}
            data-testid="series-kind"
          />
        </Form.Item>
        {kind === "monthly_days" && (
          <Form.Item
            name={["repeat", "days"]}
            label={t("series.days")}
            required
            extra={
              <Space size={4} style={{ marginTop: 4 }}>
                <span>{t("series.presets")}</span>
                {[16, 28].map((d) => (
                  <Button key={d} size="small" onClick={() => form.setFieldValue(["repeat", "days"], [d])} data-testid={`series-day-${d}`}>
                    {t("series.dayOfMonth", { day: d })}
                  </Button>
                ))}
              </Space>
            }
          >
            <Select
              mode="multiple"
              aria-label={t("series.days")}
              options={Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: t("series.dayOfMonth", { day: i + 1 }) }))}
            />
          </Form.Item>
        )}
        {kind === "weekly" && (
          <Form.Item name={["repeat", "weekdays"]} label={t("series.weekdays")} required>
            <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
          </Form.Item>
        )}
        {kind === "once" && (
          <Form.Item name={["repeat", "date"]} label={t("field.date")} required>
            <DatePicker style={{ width: 220 }} disabledDate={(d) => d.format("YYYY-MM-DD") < today} />
          </Form.Item>
        )}
        {kind !== "once" && (
          <Space size={16} align="start" wrap>
            <Form.Item name="validFrom" label={t("series.validFrom")} extra={t("series.validFromHint")}>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="validTo" label={t("series.validTo")} extra={t("series.validToHint")}>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="place" label={t("field.place")} required>
          <Input maxLength={100} placeholder={t("series.placePlaceholder")} data-testid="series-place" />
        </Form.Item>
        <Space size={16} align="start" wrap>
          <Form.Item name="startTime" label={t("field.startTime")} required>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: 140 }} needConfirm={false} />
          </Form.Item>
          <Form.Item name="endTime" label={t("field.endTime")} required>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: 140 }} needConfirm={false} />
          </Form.Item>
        </Space>
        <Form.Item name="teamIds" label={t("series.teams")} required>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            loading={teams.isPending}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            placeholder={t("series.teamsPlaceholder")}
            data-testid="series-teams"
          />
        </Form.Item>
        <Space size={16} align="start" wrap>
          <Form.Item name="placesPerTeam" label={t("field.placesPerTeam")} required extra={t("series.placesHint")}>
            <InputNumber min={1} max={500} precision={0} style={{ width: 180 }} suffix={t("unit.people")} />
          </Form.Item>
          <Form.Item name="deadlineHours" label={t("field.deadlineHours")} required extra={t("series.deadlineHint")}>
            <InputNumber min={0} max={336} precision={0} style={{ width: 180 }} suffix={t("unit.hours")} />
          </Form.Item>
        </Space>
      </Form>
      {preview && (
        <div style={{ borderTop: "1px solid #f0f0f0", paddingTop: 12 }} data-testid="series-preview">
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {t("series.previewTitle", { rule: preview.text, days: AHEAD_DAYS, count: preview.dates.length })}
          </Typography.Paragraph>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 6 }}>
            {preview.dates.map((d) => (
              <Tag key={d} style={{ marginInlineEnd: 0 }}>
                {d.slice(5)} {t(`weekday.${weekdayOf(d)}`)}
              </Tag>
            ))}
            {preview.dates.length === 0 && <Typography.Text type="secondary">{t("series.noDates")}</Typography.Text>}
          </div>
        </div>
      )}
    </Drawer>
  );
}
