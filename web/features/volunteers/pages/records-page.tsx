import { FileProtectOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Input, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VolunteerRecord } from "../../../../contracts/volunteer-records.ts";
import { downloadFile, errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { StationFilter, useStationColumn } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type RecordListQuery, useServiceRecords } from "../api/records.ts";
import { RecordIssueDrawer } from "../components/record-issue-drawer.tsx";

const mono = { fontFamily: "ui-monospace, Menlo, monospace" };

/** Download one record's PDF as issued. */
export function useRecordDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const run = async (r: VolunteerRecord) => {
    setBusy(r.id);
    try {
      await downloadFile(r.pdfUrl, undefined, `${r.number}.pdf`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}

/** 服务记录证明: the issued 志愿服务记录证明, searched by number, name or volunteer number; issue one; download its PDF. */
export default function RecordsPage() {
  const { t } = useTranslation("volunteers");
  const can = useCan();
  const list = useListParams(["stationId"]);
  const stationColumn = useStationColumn<VolunteerRecord>();
  const [issuing, setIssuing] = useState(false);
  const download = useRecordDownload();
  const query: RecordListQuery = { page: list.page, pageSize: list.pageSize, q: list.q || undefined, stationId: list.idOf("stationId") };
  const records = useServiceRecords(query);
  const actions = useActionsColumn<VolunteerRecord>(
    (r) => (
      <RowActions>
        <RowAction onClick={() => download.run(r)} loading={download.busy === r.id} data-testid={`record-pdf-${r.id}`}>
          {t("records.download")}
        </RowAction>
        <Button type="link" size="small" href={r.checkUrl} target="_blank" rel="noopener" data-testid={`record-check-${r.id}`}>
          {t("records.check")}
        </Button>
      </RowActions>
    ),
    { width: 130 },
  );
  const columns = [
    {
      title: t("records.number"),
      dataIndex: "number",
      width: 160,
      fixed: "left" as const,
      render: (n: string) => <Typography.Text style={mono}>{n}</Typography.Text>,
    },
    { title: t("field.realName"), dataIndex: "volunteerName", width: 100 },
    { title: t("field.number"), dataIndex: "volunteerNumber", width: 110, render: (n: string) => <span style={mono}>{n}</span> },
    ...stationColumn,
    {
      title: t("records.period"),
      key: "period",
      width: 200,
      render: (_: unknown, r: VolunteerRecord) => `${r.periodFrom} – ${r.periodTo}`,
    },
    { title: t("records.services"), dataIndex: "entries", width: 80, align: "right" as const },
    {
      title: t("records.hours"),
      dataIndex: "hours",
      width: 90,
      align: "right" as const,
      render: (h: number) => t("roster.hours", { hours: h }),
    },
    { title: t("records.issuedBy"), dataIndex: "issuedBy", width: 100 },
    { title: t("records.issuedAt"), dataIndex: "issuedAt", width: 150, render: formatDateTime },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("records.title")}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            key={list.q}
            defaultValue={list.q}
            style={{ width: 280 }}
            placeholder={t("records.search")}
            aria-label={t("records.search")}
            onSearch={(q) => list.update({ q })}
            data-testid="record-search"
          />
          <StationFilter value={list.filters.stationId} onChange={(stationId) => list.update({ stationId })} />
        </Space>
        <div style={{ flex: 1 }} />
        {can("volunteer.manage") && (
          <Button type="primary" icon={<FileProtectOutlined />} onClick={() => setIssuing(true)} data-testid="record-issue">
            {t("records.issueButton")}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t("records.intro")}
      </Typography.Paragraph>
      {records.isError && <Alert type="error" showIcon title={errorMessage(records.error)} style={{ marginBottom: 16 }} />}
      <Table<VolunteerRecord>
        rowKey="id"
        size="middle"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("records.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: records.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        data-testid="records-table"
        columns={columns}
      />
      <RecordIssueDrawer
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(r) => {
          setIssuing(false);
          list.update({ q: r.number });
        }}
      />
    </Card>
  );
}
