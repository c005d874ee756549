import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  baselineKinds,
  campaignKinds,
  type EventDetail,
  type EventKind,
  eventCreateSchema,
  eventKinds,
  eventThemes,
  eventUpdateSchema,
} from "../../../../contracts/events.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { useMerchants } from "../../../api/list-merchants.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { yuanToFen } from "../../../app/money.ts";
import { useCreateEvent, useUpdateEvent } from "../api/events.ts";
import { useCulturalTeams } from "../api/stage.ts";

interface Values {
  kind: EventKind;
  title: string;
  themes: string[];
  place: string;
  window: [Dayjs, Dayjs] | null;
  organiserUnitIds: number[];
  organiserTeamIds: number[];
  unitIds: number[];
  merchantIds: number[];
  budgetYuan: number | null;
  budgetNote?: string;
  holiday?: string;
  baselineKind?: string;
  promotionDates?: Dayjs[];
  baselineDates?: Dayjs[];
  programme?: string;
  audienceGroup?: string;
  campaignKind?: string;
  takesSignups: boolean;
  signupCapacity?: number | null;
  description?: string;
}

/** The form's values of an event being edited: its fields as they are, dates and times as pickers hold them. */
function valuesOf(e: EventDetail): Values {
  return {
    kind: e.kind,
    title: e.title,
    themes: e.themes,
    place: e.place,
    window: [dayjs(e.startsAt), dayjs(e.endsAt)],
    organiserUnitIds: e.organiserUnits.map((u) => u.id),
    organiserTeamIds: e.organiserTeams.map((u) => u.id),
    unitIds: e.units.map((u) => u.id),
    merchantIds: e.merchants.map((m) => m.id),
    budgetYuan: e.budgetFen === null ? null : e.budgetFen / 100,
    budgetNote: e.budgetNote ?? undefined,
    holiday: e.holiday ?? undefined,
    baselineKind: e.baselineKind ?? undefined,
    promotionDates: e.promotionDates.map((d) => dayjs(d)),
    baselineDates: e.baselineKind === "same_holiday_last_year" ? e.baselineDates.map((d) => dayjs(d)) : [],
    programme: e.programme ?? undefined,
    audienceGroup: e.audienceGroup ?? undefined,
    campaignKind: e.campaignKind ?? undefined,
    takesSignups: e.takesSignups,
    signupCapacity: e.signupCapacity,
    description: e.description ?? undefined,
  };
}

/**
 * 新建活动 and 编辑活动: the kind's own fields appear with it (a promotion's baseline and merchants, a performance's
 * programme…). Given an event, the drawer opens with its fields and saves them with the version it read.
 */
export function EventFormDrawer({
  open,
  onClose,
  onSaved,
  event,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
  event?: EventDetail;
}) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form) ?? "performance";
  const takesSignups = Form.useWatch("takesSignups", form);
  const baselineKind = Form.useWatch("baselineKind", form);
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? 0);
  const saving = event ? update : create;
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const units = useAllianceUnits({ page: 1, pageSize: 200 });
  const merchants = useMerchants({ page: 1, pageSize: 200 });
  const teams = useCulturalTeams();

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const body = {
      kind: v.kind,
      title: v.title,
      themes: v.themes ?? [],
      place: v.place,
      startsAt: v.window?.[0]?.toISOString(),
      endsAt: v.window?.[1]?.toISOString(),
      organiserUnitIds: v.organiserUnitIds ?? [],
      organiserTeamIds: v.organiserTeamIds ?? [],
      unitIds: v.unitIds ?? [],
      merchantIds: v.merchantIds ?? [],
      budgetFen: v.budgetYuan === null || v.budgetYuan === undefined ? null : yuanToFen(v.budgetYuan),
      budgetNote: v.budgetNote,
      description: v.description,
      ...(v.kind === "promotion"
        ? {
            holiday: v.holiday,
            baselineKind: v.baselineKind,
            promotionDates: (v.promotionDates ?? []).map((d) => d.format("YYYY-MM-DD")),
            baselineDates: (v.baselineDates ?? []).map((d) => d.format("YYYY-MM-DD")),
          }
        : {}),
      ...(v.kind === "performance" || v.kind === "publicity" ? { programme: v.programme, audienceGroup: v.audienceGroup } : {}),
      ...(v.kind === "environment" ? { campaignKind: v.campaignKind } : {}),
      takesSignups: v.takesSignups ?? false,
      signupCapacity: v.takesSignups ? (v.signupCapacity ?? null) : null,
    };
    const checked = event
      ? validateWith(eventUpdateSchema, { ...body, version: event.version }, form)
      : validateWith(eventCreateSchema, body, form);
    if (!checked.ok) {
      setUnplaced(checked.unplaced);
      if (!v.window) form.setFields([{ name: "window", errors: [t("form.windowRequired")] }]);
      return;
    }
    setUnplaced([]);
    try {
      if (event) {
        const saved = await update.mutateAsync({ ...body, version: event.version } as never);
        message.success(t("form.updated", { title: saved.title }));
        onSaved(saved.id);
        return;
      }
      const created = await create.mutateAsync(body as never);
      message.success(t("form.created", { title: created.title }));
      form.resetFields();
      onSaved(created.id);
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={event ? t("form.editTitle") : t("form.title")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={saving.isPending} data-testid="event-submit">
            {t("form.submit")}
          </Button>
        </Space>
      }
    >
      {unplaced.length > 0 && <Alert type="error" showIcon title={unplaced.join("；")} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={event ? valuesOf(event) : { kind: "performance", themes: [], takesSignups: false }}
        data-testid="event-form"
      >
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={eventKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} data-testid="event-kind" />
        </Form.Item>
        <Form.Item name="title" label={t("field.title")} required>
          <Input maxLength={100} data-testid="event-title" />
        </Form.Item>
        <Form.Item name="themes" label={t("field.themes")}>
          <Select mode="tags" options={eventThemes.map((x) => ({ value: x, label: x }))} data-testid="event-themes" />
        </Form.Item>
        <Form.Item name="place" label={t("field.place")} required>
          <Input maxLength={100} data-testid="event-place" />
        </Form.Item>
        <Form.Item name="window" label={t("field.window")} required>
          <DatePicker.RangePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: "100%" }}
            data-testid="event-window"
          />
        </Form.Item>
        <Form.Item name="organiserUnitIds" label={t("field.organiserUnits")}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="organiserTeamIds" label={t("field.organiserTeams")}>
          <Select mode="multiple" optionFilterProp="label" options={(teams.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="unitIds" label={t("field.units")}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        {kind === "promotion" && (
          <>
            <Form.Item name="merchantIds" label={t("field.merchants")}>
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={(merchants.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
                data-testid="event-merchants"
              />
            </Form.Item>
            <Form.Item name="holiday" label={t("field.holiday")}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="baselineKind" label={t("field.baselineKind")} required extra={t("form.baselineHint")}>
              <Select options={baselineKinds.map((k) => ({ value: k, label: t(`baseline.${k}`) }))} data-testid="event-baseline" />
            </Form.Item>
            <Form.Item name="promotionDates" label={t("field.promotionDates")} required>
              <DatePicker multiple style={{ width: "100%" }} data-testid="event-promotion-dates" />
            </Form.Item>
            {baselineKind === "same_holiday_last_year" && (
              <Form.Item name="baselineDates" label={t("field.baselineDates")} required>
                <DatePicker multiple style={{ width: "100%" }} />
              </Form.Item>
            )}
          </>
        )}
        {(kind === "performance" || kind === "publicity") && (
          <>
            <Form.Item name="programme" label={t("field.programme")}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="audienceGroup" label={t("field.audienceGroup")}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        {kind === "environment" && (
          <Form.Item name="campaignKind" label={t("field.campaignKind")}>
            <Select options={campaignKinds.map((k) => ({ value: k, label: t(`campaign.${k}`) }))} />
          </Form.Item>
        )}
        <Space size={24} wrap>
          <Form.Item name="budgetYuan" label={t("field.budgetYuan")}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="budgetNote" label={t("field.budgetNote")}>
            <Input maxLength={200} style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <Space size={24} wrap>
          <Form.Item name="takesSignups" label={t("field.takesSignups")} valuePropName="checked">
            <Switch />
          </Form.Item>
          {takesSignups && (
            <Form.Item name="signupCapacity" label={t("field.signupCapacity")}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="description" label={t("field.description")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
