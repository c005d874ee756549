import { CalendarOutlined } from "@ant-design/icons";
import { Card, Empty, List, Space, Spin, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { weekdayOf } from "../../../../contracts/calendar.ts";
import { describeRule } from "../../../../contracts/schedule.ts";
import { currentLanguage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useDutyRules, useMyShifts } from "../api/roster.ts";
import type { Roster } from "../api/types.ts";
import { unitColour } from "./labels.ts";

/** 本月坐班一览: the month's shifts per department as a plain list (what the calendar shows, for screen readers). */
export function DepartmentList({ roster }: { roster: Roster }) {
  const { t } = useTranslation("duty");
  const unitIds = roster.units.map((u) => u.id);
  const rows = roster.units
    .map((u) => {
      const shifts = roster.shifts.filter((s) => s.unitId === u.id);
      return {
        id: u.id,
        name: u.name,
        shifts,
        booked: shifts.reduce((n, s) => n + s.booked, 0),
        capacity: shifts.reduce((n, s) => n + s.capacity, 0),
      };
    })
    .filter((r) => r.shifts.length > 0);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="roster-list"
      locale={{ emptyText: <Empty description={t("roster.emptyMonth")} /> }}
      columns={[
        {
          title: t("field.unit"),
          dataIndex: "name",
          width: 240,
          render: (name: string, r) => (
            <Space>
              <span className="dd-duty-dot" style={{ background: unitColour(unitIds, r.id) }} />
              {name}
            </Space>
          ),
        },
        { title: t("roster.days"), key: "count", width: 80, render: (_: unknown, r) => r.shifts.length },
        {
          title: t("roster.dates"),
          key: "dates",
          render: (_: unknown, r) =>
            r.shifts
              .map((s) =>
                t("roster.dateItem", { date: dayjs(s.date).format(t("dayFormat")), weekday: t(`weekdayShort.${weekdayOf(s.date)}`) }),
              )
              .join(t("roster.dateSeparator")),
        },
        { title: t("roster.booked"), key: "booked", width: 120, render: (_: unknown, r) => `${r.booked} / ${r.capacity}` },
      ]}
    />
  );
}

/** A department user's own coming shifts, above the roster. */
export function MyShifts() {
  const { t } = useTranslation("duty");
  const mine = useMyShifts(true);
  const items = mine.data?.items ?? [];
  return (
    <Card
      title={
        <Space>
          <CalendarOutlined />
          {t("mine.title")}
          {mine.data?.unitName && <Typography.Text type="secondary">{mine.data.unitName}</Typography.Text>}
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="my-shifts"
    >
      {mine.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t("mine.empty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          grid={{ gutter: 12, xs: 1, sm: 2, md: 3, xl: 4, xxl: 6 }}
          dataSource={items.slice(0, 12)}
          renderItem={(s) => (
            <List.Item>
              <div className="dd-duty-mine">
                <div style={{ fontWeight: 600 }}>
                  {dayjs(s.date).format(t("dayFormat"))} {t(`weekday.${weekdayOf(s.date)}`)}
                  {s.date === mine.data?.today && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t("today")}
                    </Tag>
                  )}
                </div>
                <div className="dd-duty-muted">{`${s.startTime}–${s.endTime} · ${t("shift.bookedOf", { booked: s.booked, capacity: s.capacity })}`}</div>
                {s.officerName && <div className="dd-duty-muted">{t("shift.officer", { name: s.officerName })}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
      {items.length > 12 && <Typography.Text type="secondary">{t("mine.more", { count: items.length - 12 })}</Typography.Text>}
    </Card>
  );
}

/** The repeat rules that generated the station's shifts. */
export function RulesTab({ stationId, units }: { stationId: number; units: number[] }) {
  const { t } = useTranslation("duty");
  const rules = useDutyRules(stationId);
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={rules.isFetching}
      dataSource={rules.data ?? []}
      pagination={{ defaultPageSize: 20, showTotal: (total) => t("common:total", { total }) }}
      locale={{ emptyText: <Empty description={t("rule.empty")} /> }}
      columns={[
        {
          title: t("field.unit"),
          dataIndex: "unitName",
          width: 240,
          render: (name: string, r) => (
            <Space>
              <span className="dd-duty-dot" style={{ background: unitColour(units, r.unitId) }} />
              {name}
            </Space>
          ),
        },
        { title: t("rule.rule"), key: "rule", width: 220, render: (_: unknown, r) => describeRule(r.rule, currentLanguage()) },
        { title: t("rule.period"), key: "period", width: 220, render: (_: unknown, r) => `${r.validFrom} ~ ${r.validTo}` },
        { title: t("field.hours"), key: "hours", width: 120, render: (_: unknown, r) => `${r.startTime}–${r.endTime}` },
        { title: t("field.capacity"), dataIndex: "capacity", width: 90 },
        { title: t("rule.shifts"), dataIndex: "shifts", width: 90 },
        { title: t("rule.createdBy"), key: "by", render: (_: unknown, r) => `${r.createdBy ?? "—"} · ${formatDateTime(r.createdAt)}` },
      ]}
    />
  );
}
