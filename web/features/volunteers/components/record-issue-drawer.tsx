// 出具志愿服务记录证明: pick a volunteer and a period; what the record would certify (the services whose hours are
// final) is shown first, then the record is issued with its number.
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Select, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { monthRange, shiftMonth, stationDate, stationMonth } from "../../../../contracts/calendar.ts";
import { hoursOf, type RecordEntry, recordIssueSchema, type VolunteerRecord } from "../../../../contracts/volunteer-records.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useVolunteers } from "../api/list-volunteers.ts";
import { useIssueRecord, useRecordPreview } from "../api/records.ts";

interface Values {
  volunteerId?: number;
  period?: [Dayjs, Dayjs];
}

function lastMonth(): [Dayjs, Dayjs] {
  const { from, to } = monthRange(shiftMonth(stationMonth(new Date()), -1));
  return [dayjs(from), dayjs(to)];
}

export function RecordIssueDrawer({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (record: VolunteerRecord) => void;
}) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const volunteers = useVolunteers({ q: q || undefined, pageSize: 20 });
  const volunteerId = Form.useWatch("volunteerId", form);
  const period = Form.useWatch("period", form);
  const from = period?.[0]?.format("YYYY-MM-DD");
  const to = period?.[1]?.format("YYYY-MM-DD");
  const preview = useRecordPreview(volunteerId, from, to);
  const issue = useIssueRecord();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ period: lastMonth() });
    setFailure(null);
  }, [open, form]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const checked = validateWith(
      recordIssueSchema,
      { volunteerId: v.volunteerId, from: v.period?.[0]?.format("YYYY-MM-DD"), to: v.period?.[1]?.format("YYYY-MM-DD") },
      form,
    );
    if (!checked.ok) {
      // The period is one field in the form: put its two dates' errors there.
      const period = form.getFieldError("from" as never).concat(form.getFieldError("to" as never));
      if (period.length) form.setFields([{ name: "period", errors: period }]);
      return;
    }
    try {
      const record = await issue.mutateAsync(checked.data);
      message.success(t("records.issued", { number: record.number }));
      onIssued(record);
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
      const period = form.getFieldError("from" as never).concat(form.getFieldError("to" as never));
      if (period.length) form.setFields([{ name: "period", errors: period }]);
    }
  };

  const entries = preview.data?.entries ?? [];
  const today = dayjs(stationDate(new Date()));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t("records.issueTitle")}
      destroyOnHidden
      data-testid="record-issue-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button
            type="primary"
            onClick={submit}
            loading={issue.isPending}
            disabled={!preview.data || entries.length === 0}
            data-testid="record-issue-ok"
          >
            {t("records.issue")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item name="volunteerId" label={t("records.volunteer")} required>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            style={{ width: 240 }}
            placeholder={t("volunteers.search")}
            loading={volunteers.isFetching}
            options={(volunteers.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.realName} · ${v.number}` }))}
            data-testid="record-volunteer"
          />
        </Form.Item>
        <Form.Item name="period" label={t("records.period")} required>
          <DatePicker.RangePicker allowClear={false} disabledDate={(d) => d.isAfter(today, "day")} data-testid="record-period" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t("records.previewIntro")}</Typography.Paragraph>
      {volunteerId === undefined ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("records.pickVolunteer")} />
      ) : preview.isError ? (
        <Alert type="error" showIcon title={errorMessage(preview.error)} />
      ) : (
        <>
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }} data-testid="record-preview-totals">
            <Descriptions.Item label={t("records.services")}>{preview.data?.totals.entries ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("records.hours")}>
              {preview.data ? t("roster.hours", { hours: preview.data.totals.hours }) : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("records.period")}>
              {preview.data ? `${preview.data.from} – ${preview.data.to}` : "—"}
            </Descriptions.Item>
          </Descriptions>
          {preview.data && entries.length === 0 && (
            <Alert type="warning" showIcon title={t("records.nothingFinal")} style={{ marginBottom: 12 }} />
          )}
          <Table<RecordEntry>
            rowKey="ref"
            size="small"
            loading={preview.isFetching}
            dataSource={entries}
            pagination={false}
            scroll={{ y: 420 }}
            data-testid="record-preview"
            columns={[
              { title: t("records.date"), dataIndex: "date", width: 100 },
              { title: t("records.time"), key: "time", width: 100, render: (_: unknown, e) => `${e.startTime}–${e.endTime}` },
              { title: t("records.content"), key: "content", render: (_: unknown, e) => <span title={e.content}>{e.title}</span> },
              { title: t("field.place"), dataIndex: "place", width: 150, ellipsis: true },
              { title: t("records.hours"), dataIndex: "minutes", width: 80, align: "right", render: (m: number) => hoursOf(m) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
