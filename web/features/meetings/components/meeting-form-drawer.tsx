import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, stationDate, stationInstant } from "../../../../contracts/calendar.ts";
import { type Meeting, meetingCreateSchema, meetingKinds } from "../../../../contracts/meetings.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateMeeting } from "../api/create-meeting.ts";

interface Values {
  stationId?: number;
  kind?: Meeting["kind"];
  title?: string;
  startsAt?: Dayjs | null;
  place?: string;
  invitedUnitIds?: number[];
}

export function MeetingFormDrawer({
  open,
  kind,
  onClose,
  onSaved,
}: {
  open: boolean;
  kind: Meeting["kind"];
  onClose: () => void;
  onSaved?: (m: Meeting) => void;
}) {
  const { t } = useTranslation("meetings");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();
  const units = useAllianceUnits({ pageSize: 200, status: "active" });
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    const tomorrow = addDays(stationDate(new Date()), 1);
    form.setFieldsValue({
      kind,
      title: t(`defaultTitle.${kind}`, { month: String(Number(tomorrow.slice(5, 7))) }),
      startsAt: dayjs(stationInstant(tomorrow, "09:30")),
      invitedUnitIds: [],
      stationId: me.stations.length === 1 ? me.stations[0].id : undefined,
    });
  }, [open, form, kind, me.stations, t]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      kind: v.kind,
      title: v.title ?? "",
      startsAt: v.startsAt ? v.startsAt.format() : "",
      place: v.place || null,
      invitedUnitIds: v.invitedUnitIds ?? [],
      ...(v.stationId ? { stationId: v.stationId } : {}),
    };
    const checked = validateWith(meetingCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      const saved = await create.mutateAsync(checked.data);
      message.success(t("scheduled"));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t("schedule")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="meeting-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("field.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={meetingKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t("field.title")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="startsAt" label={t("field.startsAt")} required>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="place" label={t("field.place")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="invitedUnitIds" label={t("field.invitedUnits")} extra={t("inviteHint")}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            options={unitOptions}
            loading={units.isPending}
            data-testid="meeting-units"
          />
        </Form.Item>
        <Button size="small" onClick={() => form.setFieldsValue({ invitedUnitIds: unitOptions.map((o) => o.value) })}>
          {t("inviteAll")}
        </Button>
      </Form>
    </Drawer>
  );
}
