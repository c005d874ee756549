import { CalendarOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { monthRange, shiftMonth, stationDate, stationMonth, stationTime } from "../../../../contracts/calendar.ts";
import { bookingStatuses } from "../../../../contracts/events.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { MonthCalendar } from "../../../components/month-calendar.tsx";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import {
  type Booking,
  type CulturalTeam,
  type Performance,
  useBookings,
  useCulturalTeams,
  useDecideBooking,
  usePerformances,
  useVenues,
} from "../api/stage.ts";
import { BookingDrawer } from "../components/booking-drawer.tsx";
import { bookingColour } from "../components/labels.ts";
import { BlockModal, PerformanceModal, TeamDrawer, TeamModal } from "../components/stage-forms.tsx";

function Calendar({ month, setMonth }: { month: string; setMonth: (m: string) => void }) {
  const { t } = useTranslation("events");
  const { from, to } = monthRange(month);
  const bookings = useBookings({ from, to, pageSize: 500 });
  const today = stationDate(new Date());
  const byDay = new Map<string, Booking[]>();
  for (const b of bookings.data?.items ?? [])
    if (b.status === "approved" || b.status === "requested") byDay.set(b.date, [...(byDay.get(b.date) ?? []), b]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} onClick={() => setMonth(shiftMonth(month, -1))} aria-label={t("stage.prevMonth")} />
        <Typography.Text strong data-testid="stage-month">
          {month}
        </Typography.Text>
        <Button icon={<RightOutlined />} onClick={() => setMonth(shiftMonth(month, 1))} aria-label={t("stage.nextMonth")} />
        <Button onClick={() => setMonth(stationMonth(new Date()))}>{t("stage.thisMonth")}</Button>
      </Space>
      <MonthCalendar
        month={month}
        today={today}
        weekday={(d) => t(`weekday.${d}`)}
        testId="stage-calendar"
        renderDay={(date) =>
          (byDay.get(date) ?? []).map((b) => (
            <div
              key={b.id}
              title={`${b.teamName ?? b.unitName ?? ""} ${b.title}`}
              style={{ fontSize: 12, lineHeight: "18px", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}
            >
              <Tag color={bookingColour[b.status]} style={{ marginInlineEnd: 4, fontSize: 11, lineHeight: "16px", paddingInline: 4 }}>
                {stationTime(b.startsAt)}
              </Tag>
              {b.teamName ?? b.title}
            </div>
          ))
        }
      />
    </>
  );
}

function Bookings() {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["status", "from", "to"]);
  const status = list.filters.status ?? "requested";
  const bookings = useBookings({
    status: status === "all" ? undefined : status,
    from: list.filters.from ?? stationDate(new Date()),
    page: list.page,
    pageSize: list.pageSize,
  });
  const decide = useDecideBooking();
  const run = async (b: Booking, decision: "approve" | "refuse" | "cancel") => {
    try {
      await decide.mutateAsync({ id: b.id, decision });
      message.success(t(`stage.decided.${decision}`));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const actions = useActionsColumn<Booking>(
    (b) => (
      <RowActions>
        {b.status === "requested" && (
          <RowAction onClick={() => run(b, "approve")} data-testid={`booking-approve-${b.id}`}>
            {t("stage.approve")}
          </RowAction>
        )}
        {b.status === "requested" && (
          <Popconfirm title={t("stage.confirmRefuse")} onConfirm={() => run(b, "refuse")}>
            <RowAction danger>{t("stage.refuse")}</RowAction>
          </Popconfirm>
        )}
        {(b.status === "requested" || b.status === "approved") && (
          <Popconfirm title={t("stage.confirmCancel")} onConfirm={() => run(b, "cancel")}>
            <RowAction>{t("stage.cancel")}</RowAction>
          </Popconfirm>
        )}
      </RowActions>
    ),
    { width: 150, show: can("event.manage") },
  );
  const columns = [
    { title: t("stage.date"), dataIndex: "date", width: 110, fixed: "left" as const },
    {
      title: t("stage.time"),
      key: "time",
      width: 110,
      render: (_: unknown, b: Booking) => `${stationTime(b.startsAt)}–${stationTime(b.endsAt)}`,
    },
    { title: t("stage.bookingTitle"), dataIndex: "title", width: 180 },
    { title: t("stage.team"), key: "who", width: 150, render: (_: unknown, b: Booking) => b.teamName ?? b.unitName ?? "—" },
    { title: t("stage.purpose"), dataIndex: "purpose", width: 90, render: (p: string) => t(`purpose.${p}`) },
    { title: t("stage.venue"), dataIndex: "venueName", width: 110 },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 90,
      render: (s: Booking["status"]) => <Tag color={bookingColour[s]}>{t(`bookingStatus.${s}`)}</Tag>,
    },
    ...actions,
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={status}
          onChange={(v) => list.update({ status: v as string })}
          options={[...bookingStatuses.map((s) => ({ value: s, label: t(`bookingStatus.${s}`) })), { value: "all", label: t("stage.all") }]}
          data-testid="booking-status-filter"
        />
      </Space>
      {bookings.isError && <Alert type="error" showIcon title={errorMessage(bookings.error)} />}
      <Table<Booking>
        rowKey="id"
        size="middle"
        loading={bookings.isFetching}
        dataSource={bookings.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("stage.noBookings")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: bookings.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={columns}
        data-testid="bookings-table"
      />
    </>
  );
}

function Teams() {
  const { t } = useTranslation("events");
  const can = useCan();
  const teams = useCulturalTeams();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<CulturalTeam | null>(null);
  return (
    <>
      <TeamDrawer team={open} onClose={() => setOpen(null)} />
      {can("event.manage") && (
        <Button style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t("stage.newTeam")}
        </Button>
      )}
      <TeamModal open={creating} onClose={() => setCreating(false)} />
      <Table<CulturalTeam>
        rowKey="id"
        size="middle"
        loading={teams.isFetching}
        dataSource={teams.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("stage.noTeams")} /> }}
        data-testid="teams-table"
        onRow={(team) => ({ onClick: () => setOpen(team), style: { cursor: "pointer" } })}
        columns={[
          { title: t("stage.teamName"), dataIndex: "name", width: 180 },
          { title: t("field.description"), dataIndex: "description", ellipsis: true },
          { title: t("stage.leader"), dataIndex: "leaderName", width: 120, render: (v: string | null) => v ?? "—" },
          {
            title: t("stage.members"),
            key: "members",
            width: 340,
            render: (_: unknown, team: CulturalTeam) => (
              <span>
                {t("stage.memberCount", {
                  residents: team.members.filter((m) => m.memberKind === "resident").length,
                  merchants: team.members.filter((m) => m.memberKind === "merchant").length,
                })}
                <Typography.Text type="secondary">
                  {" "}
                  ·{" "}
                  {team.members
                    .slice(0, 6)
                    .map((m) => m.name)
                    .join("、")}
                  {team.members.length > 6 ? "…" : ""}
                </Typography.Text>
              </span>
            ),
          },
        ]}
      />
    </>
  );
}

function Performances() {
  const { t } = useTranslation("events");
  const list = useListParams(["teamId", "theme", "from", "to"]);
  const teams = useCulturalTeams();
  const can = useCan();
  const [logging, setLogging] = useState(false);
  const performances = usePerformances({
    page: list.page,
    pageSize: list.pageSize,
    teamId: list.idOf("teamId"),
    theme: list.filters.theme,
    from: list.filters.from,
    to: list.filters.to,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t("stage.team")}
          value={list.idOf("teamId")}
          onChange={(v) => list.update({ teamId: v })}
          options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
        <Input.Search
          allowClear
          style={{ width: 160 }}
          placeholder={t("stage.theme")}
          defaultValue={list.filters.theme}
          onSearch={(v) => list.update({ theme: v })}
        />
        {can("event.manage") && (
          <Button onClick={() => setLogging(true)} data-testid="performance-log">
            {t("stage.logPerformance")}
          </Button>
        )}
      </Space>
      <PerformanceModal open={logging} onClose={() => setLogging(false)} />
      <Table<Performance>
        rowKey="id"
        size="middle"
        loading={performances.isFetching}
        dataSource={performances.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("stage.noPerformances")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: performances.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
        }}
        data-testid="performances-table"
        columns={[
          { title: t("stage.performedAt"), dataIndex: "performedAt", width: 150, render: formatDateTime },
          { title: t("stage.bookingTitle"), dataIndex: "title", width: 220 },
          { title: t("stage.team"), dataIndex: "teamName", width: 150 },
          { title: t("stage.theme"), dataIndex: "theme", width: 100, render: (v: string) => <Tag>{v}</Tag> },
          { title: t("stage.audience"), dataIndex: "audience", width: 90, align: "right" as const },
          { title: t("counts.method"), dataIndex: "audienceMethod", width: 100, render: (m: string) => t(`method.${m}`) },
          { title: t("counts.recordedBy"), dataIndex: "recordedBy", width: 120 },
        ]}
      />
    </>
  );
}

/** 百姓大舞台: the venue and its hours, the month's calendar, requests to decide, the cultural teams and performances. */
export default function StagePage() {
  const { t } = useTranslation("events");
  const can = useCan();
  const list = useListParams(["tab", "month"]);
  const venues = useVenues();
  const [booking, setBooking] = useState(false);
  const [blocking, setBlocking] = useState(false);
  const tab = list.filters.tab ?? "calendar";
  const month = list.filters.month ?? stationMonth(new Date());
  const venue = venues.data?.[0];
  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("stage.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        {can("event.manage") && venue && <Button onClick={() => setBlocking(true)}>{t("stage.addBlock")}</Button>}
        {can("event.manage") && (
          <Button type="primary" icon={<CalendarOutlined />} onClick={() => setBooking(true)} data-testid="booking-create">
            {t("stage.book")}
          </Button>
        )}
      </div>
      {venue && (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }} data-testid="stage-venue">
          <Descriptions.Item label={t("stage.venue")}>
            {venue.name}（{venue.place}）
          </Descriptions.Item>
          <Descriptions.Item
            label={t("stage.hours")}
          >{`${venue.openWeekdays.length === 7 ? t("stage.everyDay") : venue.openWeekdays.map((d) => t(`weekday.${d}`)).join("、")} ${venue.openFrom}–${venue.openTo}`}</Descriptions.Item>
          <Descriptions.Item label={t("stage.funding")}>
            {venue.fundingNote ?? "—"}
            {venue.budgetFen ? `（${formatYuan(venue.budgetFen)}）` : ""}
          </Descriptions.Item>
          {venue.blocks.length > 0 && (
            <Descriptions.Item label={t("stage.blocks")} span={3}>
              {venue.blocks.map((b) => `${formatDateTime(b.startsAt)} – ${formatDateTime(b.endsAt)} ${b.reason}`).join("；")}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => list.update({ tab: key === "calendar" ? undefined : key })}
        items={[
          { key: "calendar", label: t("stage.calendar"), children: <Calendar month={month} setMonth={(m) => list.update({ month: m })} /> },
          { key: "bookings", label: t("stage.bookings"), children: <Bookings /> },
          { key: "teams", label: t("stage.teams"), children: <Teams /> },
          { key: "performances", label: t("stage.performances"), children: <Performances /> },
        ]}
      />
      <BlockModal venue={venue} open={blocking} onClose={() => setBlocking(false)} />
      <BookingDrawer
        open={booking}
        onClose={() => setBooking(false)}
        onBooked={() => {
          setBooking(false);
          list.update({ tab: "bookings", status: "requested" });
        }}
      />
    </Card>
  );
}
