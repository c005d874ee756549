import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, addMonths, weekdayOf } from "../../../../contracts/calendar.ts";
import { rulePreviewInput, shiftTimes } from "../../../../contracts/duty.ts";
import { describeRule, type RepeatRule } from "../../../../contracts/schedule.ts";
import { currentLanguage, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCreateRule, usePreviewRule } from "../api/shift-actions.ts";
import type { Roster, RulePreview } from "../api/types.ts";
import { weekdayNumbers } from "./labels.ts";
import { hm, type Preset, TimeFields, timesOf } from "./shift-form-modal.tsx";

interface Values {
  unitId?: number;
  kind: RepeatRule["kind"];
  weekdays: number[];
  days: number[];
  nth: number[];
  weekday: number;
  period?: [Dayjs, Dayjs];
  preset: Preset;
  times?: [Dayjs, Dayjs];
  capacity?: number;
  officerUserId?: number | null;
}

const statusColour: Record<string, string> = { ok: "green", conflict: "red", desks_full: "orange", past: "default" };

function ruleOf(v: Values): RepeatRule {
  if (v.kind === "weekly") return { kind: "weekly", weekdays: v.weekdays ?? [] };
  if (v.kind === "monthly_days") return { kind: "monthly_days", days: v.days ?? [] };
  return { kind: "monthly_nth", nth: v.nth ?? [], weekday: v.weekday };
}

/** 按规则排班: a repeat rule previewed date by date, then generated (skipping refused dates only when asked). */
export function RuleModal({ open, onClose, roster }: { open: boolean; onClose: () => void; roster: Roster }) {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [skip, setSkip] = useState(false);
  const previewRule = usePreviewRule();
  const createRule = useCreateRule();
  const kind = Form.useWatch("kind", form);
  const unitId = Form.useWatch("unitId", form);
  const officers = roster.units.find((u) => u.id === unitId)?.officers ?? [];

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    setPreview(null);
    setSkip(false);
    form.resetFields();
    const start = addDays(roster.today, 1);
    form.setFieldsValue({
      kind: "weekly",
      weekdays: [2],
      days: [1, 15],
      nth: [2, 4],
      weekday: 3,
      period: [dayjs(start), dayjs(addMonths(start, 3))],
      preset: "full",
      times: [hm(shiftTimes.full.startTime), hm(shiftTimes.full.endTime)],
      capacity: 8,
      officerUserId: null,
    });
  }, [open, form, roster.today]);

  const input = () => {
    const v = form.getFieldsValue(true) as Values;
    return {
      unitId: v.unitId,
      rule: ruleOf(v),
      validFrom: v.period?.[0]?.format("YYYY-MM-DD"),
      validTo: v.period?.[1]?.format("YYYY-MM-DD"),
      ...timesOf(v),
      capacity: v.capacity,
      officerUserId: v.officerUserId ?? null,
      stationId: roster.stationId,
    };
  };

  const runPreview = async () => {
    setFailure(null);
    const checked = validateWith(rulePreviewInput, input(), form);
    if (!checked.ok) {
      if (checked.unplaced.length) setFailure(checked.unplaced.join("；"));
      return;
    }
    try {
      const result = await previewRule.mutateAsync(checked.data);
      setPreview(result);
      setSkip(false);
    } catch (error) {
      applyServerErrors(error, form);
      setFailure(errorMessage(error));
    }
  };

  const generate = async () => {
    setFailure(null);
    const checked = validateWith(rulePreviewInput, input(), form);
    if (!checked.ok) return;
    try {
      const result = await createRule.mutateAsync({ ...checked.data, skipConflicts: skip });
      message.success(t("rule.generated", { created: result.created, skipped: result.skipped.length }));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  // Any change of the form makes the preview stale.
  const onValuesChange = () => setPreview(null);
  const weekdayOptions = weekdayNumbers.map((d) => ({ value: d, label: t(`weekday.${d}`) }));

  return (
    <Modal
      open={open}
      title={t("rule.title")}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      footer={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button onClick={runPreview} loading={previewRule.isPending} data-testid="rule-preview-button">
            {t("rule.preview")}
          </Button>
          <Tooltip title={preview ? undefined : t("rule.previewFirst")}>
            <Button
              type="primary"
              onClick={generate}
              loading={createRule.isPending}
              disabled={!preview || preview.ok === 0 || (preview.refused > 0 && !skip)}
              data-testid="rule-submit"
            >
              {preview ? t("rule.generateCount", { count: preview.ok }) : t("rule.generate")}
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="rule-error" />}
      <Form form={form} layout="vertical" preserve={false} onValuesChange={onValuesChange}>
        <Form.Item name="unitId" label={t("field.unit")} required>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t("field.unitPlaceholder")}
            options={roster.units.filter((u) => u.kind !== "inactive").map((u) => ({ value: u.id, label: u.name }))}
            onChange={() => form.setFieldValue("officerUserId", null)}
            data-testid="rule-unit"
          />
        </Form.Item>
        <Form.Item name="kind" label={t("rule.kind")}>
          <Radio.Group
            optionType="button"
            options={(["weekly", "monthly_days", "monthly_nth"] as const).map((k) => ({ value: k, label: t(`rule.kinds.${k}`) }))}
          />
        </Form.Item>
        {kind === "weekly" && (
          <Form.Item name="weekdays" label={t("rule.weekdays")} required>
            <Checkbox.Group options={weekdayOptions} data-testid="rule-weekdays" />
          </Form.Item>
        )}
        {kind === "monthly_days" && (
          <Form.Item name="days" label={t("rule.days")} required extra={t("rule.daysHint")}>
            <Select
              mode="multiple"
              options={Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: t("rule.dayOfMonth", { day: i + 1 }) }))}
            />
          </Form.Item>
        )}
        {kind === "monthly_nth" && (
          <Space size={24} align="start">
            <Form.Item name="nth" label={t("rule.nth")} required>
              <Checkbox.Group options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t("rule.nthLabel", { n }) }))} />
            </Form.Item>
            <Form.Item name="weekday" label={t("rule.weekday")} required>
              <Select style={{ width: 120 }} options={weekdayOptions} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="period" label={t("rule.period")} required extra={t("rule.periodHint")} data-testid="rule-period">
          <DatePicker.RangePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") < roster.today} />
        </Form.Item>
        <TimeFields form={form} />
        <Space size={16} align="start">
          <Form.Item name="capacity" label={t("field.capacity")} required style={{ minWidth: 200 }}>
            <InputNumber min={0} max={200} style={{ width: "100%" }} />
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
      </Form>
      {preview && (
        <div data-testid="rule-preview" style={{ borderTop: "1px solid #f0f0f0", paddingTop: 12 }}>
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {describeRule(ruleOf(form.getFieldsValue(true) as Values), currentLanguage())} ·{" "}
            {t("rule.previewSummary", { ok: preview.ok, refused: preview.refused, desks: preview.desks })}
          </Typography.Paragraph>
          {preview.dates.length === 0 ? (
            <Empty description={t("rule.noDates")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <div style={{ display: "flex", flexWrap: "wrap", gap: 6, maxHeight: 180, overflowY: "auto" }}>
              {preview.dates.map((d) => (
                <Tooltip key={d.date} title={t(`rule.status.${d.status}`)}>
                  <Tag color={statusColour[d.status]} data-status={d.status} style={{ marginInlineEnd: 0 }}>
                    {dayjs(d.date).format("MM-DD")} {t(`weekday.${weekdayOf(d.date)}`)}
                    {d.status !== "ok" && ` · ${t(`rule.status.${d.status}`)}`}
                  </Tag>
                </Tooltip>
              ))}
            </div>
          )}
          {preview.refused > 0 && (
            <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)} style={{ marginTop: 12 }} data-testid="rule-skip">
              {t("rule.skip", { count: preview.refused })}
            </Checkbox>
          )}
        </div>
      )}
    </Modal>
  );
}
