import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Image,
  InputNumber,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type BranchMeetingListQuery, useBranchMeetings } from "../api/list-branch-meetings.ts";
import type { BranchMeeting } from "../api/types.ts";
import { AttendanceReport } from "../components/attendance-report.tsx";
import { BranchMeetingDrawer } from "../components/branch-meeting-drawer.tsx";
import { BranchSelect } from "../components/branch-select.tsx";
import { HoldMeetingModal } from "../components/hold-meeting-modal.tsx";
import { type BranchMeetingKind, branchMeetingKinds } from "../components/labels.ts";

/** 三会一课: the branch's meetings by kind, held with minutes, photos and attendance; the year's attendance. */
export default function BranchLifePage() {
  const { t } = useTranslation("party");
  const can = useCan();
  const list = useListParams(["branchId", "kind", "view", "year"]);
  const [creating, setCreating] = useState(false);
  const [holding, setHolding] = useState<BranchMeeting | null>(null);
  const view = list.filters.view === "attendance" ? "attendance" : "meetings";
  const thisYear = Number(stationDate(new Date()).slice(0, 4));
  const year = Number(list.filters.year) || thisYear;
  const branchId = list.filters.branchId ? Number(list.filters.branchId) : undefined;
  const kind = list.filters.kind as BranchMeetingKind | undefined;
  const query: BranchMeetingListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    branchId,
    kind,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  };
  const meetings = useBranchMeetings(query);
  const manage = can("party.manage");
  const actions = useActionsColumn<BranchMeeting>(
    (r) =>
      r.status === "scheduled" && (
        <RowAction onClick={() => setHolding(r)} data-testid="hold-meeting">
          {t("branchLife.hold")}
        </RowAction>
      ),
    // Only a scheduled meeting has something to do (held ones open with the row's +): no empty column otherwise.
    { width: 140, show: manage, rows: meetings.data?.items },
  );

  const columns: TableColumnsType<BranchMeeting> = [
    { title: t("field.title"), dataIndex: "title" },
    { title: t("field.kind"), dataIndex: "kind", width: 130, render: (k: BranchMeetingKind) => t(`kind.${k}`) },
    { title: t("field.heldOn"), dataIndex: "heldOn", width: 120, render: formatDate },
    { title: t("field.place"), dataIndex: "place", width: 180, ellipsis: true, render: (v: string | null) => v ?? "—" },
    {
      title: t("field.attendance"),
      key: "attendance",
      width: 100,
      render: (_: unknown, r) => (r.status === "held" ? t("branchLife.attendanceCount", { count: r.attendance.length }) : "—"),
    },
    {
      title: t("field.meetingStatus"),
      dataIndex: "status",
      width: 100,
      render: (s: BranchMeeting["status"]) => <Tag color={s === "held" ? "success" : "processing"}>{t(`meetingStatus.${s}`)}</Tag>,
    },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("branchLife.title")}
        </Typography.Title>
        <Segmented
          value={view}
          onChange={(v) => list.update({ view: v === "attendance" ? "attendance" : undefined })}
          options={[
            { value: "meetings", label: t("branchLife.meetings") },
            { value: "attendance", label: t("branchLife.attendance") },
          ]}
        />
        <BranchSelect allowClear style={{ width: 200 }} value={branchId} onChange={(v) => list.update({ branchId: v })} />
        <Space>
          {t("field.year")}
          <InputNumber
            min={2000}
            max={thisYear + 1}
            value={year}
            onChange={(v) => list.update({ year: v && v !== thisYear ? v : undefined })}
            style={{ width: 100 }}
          />
        </Space>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/party/meetings" query={query} name="branch-meetings" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="branch-meeting-create">
            {t("branchLife.create")}
          </Button>
        )}
      </div>
      {view === "attendance" ? (
        <div style={{ marginTop: 16 }}>
          <AttendanceReport branchId={branchId} year={year} />
        </div>
      ) : (
        <>
          <Tabs
            activeKey={kind ?? "all"}
            onChange={(key) => list.update({ kind: key === "all" ? undefined : key })}
            items={[{ key: "all", label: t("branchLife.allKinds") }, ...branchMeetingKinds.map((k) => ({ key: k, label: t(`kind.${k}`) }))]}
          />
          {meetings.isError && <Alert type="error" showIcon title={errorMessage(meetings.error)} style={{ marginBottom: 16 }} />}
          <Table<BranchMeeting>
            rowKey="id"
            size="middle"
            loading={meetings.isFetching}
            dataSource={meetings.data?.items ?? []}
            scroll={{ x: tableWidth(columns) + 48 }}
            locale={{ emptyText: <Empty description={t("branchLife.empty")} /> }}
            onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
            expandable={{
              rowExpandable: (r) => r.status === "held",
              expandedRowRender: (r) => (
                <div style={{ display: "grid", gap: 8 }}>
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{r.minutes}</Typography.Paragraph>
                  <div>
                    {r.attendance.map((a) => (
                      <Tag key={a.memberId} color={a.method === "qr" ? "blue" : "default"}>
                        {a.name}
                      </Tag>
                    ))}
                  </div>
                  {r.photos.length > 0 && (
                    <Image.PreviewGroup>
                      <Space wrap>
                        {r.photos.map((p) => (
                          <Image key={p.id} src={p.url} width={96} height={72} style={{ objectFit: "cover" }} />
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  )}
                </div>
              ),
            }}
            pagination={listPagination(t, list, meetings.data)}
            columns={columns}
          />
        </>
      )}
      <BranchMeetingDrawer open={creating} kind={kind} onClose={() => setCreating(false)} />
      <HoldMeetingModal meeting={holding} onClose={() => setHolding(null)} />
    </Card>
  );
}
