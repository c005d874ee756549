// 发送记录: where each of a station's text messages went (waiting, sent, delivered by the provider's receipt,
// failed, not sent and why), filtered by status, kind and dates, one page at a time; numbers masked by the server.
import { Alert, DatePicker, Empty, Select, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { type SmsMessage, smsMessageStatuses } from "../../../../contracts/interop.ts";
import { noticeKindLabel, noticeLanguage } from "../../../../contracts/notices.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { listPagination } from "../../../components/list-pagination.ts";
import { type SmsMessageQuery, useSmsMessages } from "../api/webhooks.ts";

const statusColour: Record<SmsMessage["status"], string> = {
  pending: "processing",
  sent: "blue",
  delivered: "success",
  undelivered: "warning",
  failed: "error",
  skipped: "default",
};

export function SmsLog({ stationId, kinds }: { stationId: number | undefined; kinds: string[] }) {
  const { t, i18n } = useTranslation("interop");
  const label = (kind: string) => noticeKindLabel(kind, noticeLanguage(i18n.language));
  const list = useListParams(["status", "kind", "from", "to"]);
  const query: SmsMessageQuery | null =
    stationId === undefined
      ? null
      : {
          stationId,
          page: list.page,
          pageSize: list.pageSize,
          status: list.filters.status as SmsMessage["status"] | undefined,
          kind: list.filters.kind,
          from: list.filters.from,
          to: list.filters.to,
        };
  const messages = useSmsMessages(query);
  const detail = (m: SmsMessage) => (m.skipReason ? t(`sms.skip.${m.skipReason}`, { defaultValue: m.skipReason }) : (m.lastError ?? "—"));
  return (
    <>
      <Typography.Paragraph type="secondary">{t("sms.logIntro")}</Typography.Paragraph>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t("sms.anyStatus")}
          aria-label={t("sms.col.status")}
          value={query?.status}
          onChange={(status?: string) => list.update({ status })}
          options={smsMessageStatuses.map((s) => ({ value: s, label: t(`sms.status.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t("sms.anyKind")}
          aria-label={t("sms.col.kind")}
          value={query?.kind}
          onChange={(kind?: string) => list.update({ kind })}
          options={kinds.map((k) => ({ value: k, label: label(k) }))}
        />
        <DatePicker.RangePicker
          style={{ width: 260 }}
          value={query?.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) =>
            list.update({ from: range?.[0]?.format("YYYY-MM-DD") ?? undefined, to: range?.[1]?.format("YYYY-MM-DD") ?? undefined })
          }
        />
      </div>
      {messages.isError && <Alert type="error" showIcon title={errorMessage(messages.error)} style={{ marginBottom: 16 }} />}
      <Table<SmsMessage>
        rowKey="id"
        size="middle"
        loading={messages.isFetching}
        dataSource={messages.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t("sms.logEmpty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, messages.data)}
        columns={[
          { title: t("sms.col.createdAt"), dataIndex: "createdAt", width: 140, render: formatDateTime },
          { title: t("sms.col.recipient"), dataIndex: "recipientName", width: 100, ellipsis: true },
          { title: t("sms.col.phone"), dataIndex: "recipientPhone", width: 110, render: (p: string | null) => p ?? "—" },
          { title: t("sms.col.kind"), dataIndex: "kind", width: 140, ellipsis: true, render: (k: string) => label(k) },
          {
            title: t("sms.col.status"),
            dataIndex: "status",
            width: 90,
            render: (s: SmsMessage["status"]) => <Tag color={statusColour[s]}>{t(`sms.status.${s}`)}</Tag>,
          },
          { title: t("sms.col.attempts"), dataIndex: "attempts", width: 90, align: "right" },
          {
            title: t("sms.col.provider"),
            dataIndex: "provider",
            width: 90,
            render: (p: string | null) => (p ? t(`sms.provider.${p}`, { defaultValue: p }) : "—"),
          },
          { title: t("sms.col.receiptAt"), dataIndex: "receiptAt", width: 140, render: formatDateTime },
          {
            title: t("sms.col.detail"),
            key: "detail",
            ellipsis: { showTitle: true },
            render: (_: unknown, m: SmsMessage) => detail(m),
          },
        ]}
      />
    </>
  );
}
