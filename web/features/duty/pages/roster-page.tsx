import { CalendarOutlined, LeftOutlined, PlusOutlined, RightOutlined, SettingOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { type DragEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, monthRange, shiftMonth, stationMonth, weekdayOf, weekStart } from "../../../../contracts/calendar.ts";
import { describeRule } from "../../../../contracts/schedule.ts";
import { currentLanguage, errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { useDutyRules, useDutySettings, useMyShifts, useRoster } from "../api/roster.ts";
import { useSetDesks, useUpdateShift } from "../api/shift-actions.ts";
import type { Roster, Shift } from "../api/types.ts";
import { shortUnitName, unitColour } from "../components/labels.ts";
import "../duty.css";
import { RuleModal } from "../components/rule-modal.tsx";
import { ShiftFormModal } from "../components/shift-form-modal.tsx";

/** The weeks (Monday first) covering a month, as YYYY-MM-DD dates. */
function monthWeeks(month: string): string[][] {
  const { from, to } = monthRange(month);
  const weeks: string[][] = [];
  for (let d = weekStart(from); d <= to; d = addDays(d, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  }
  return weeks;
}

function DesksModal({ open, onClose, roster }: { open: boolean; onClose: () => void; roster: Roster }) {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const settings = useDutySettings(open ? roster.stationId : undefined);
  const setDesks = useSetDesks();
  const [value, setValue] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const desks = value ?? settings.data?.desks ?? roster.desks;
  const submit = async () => {
    setFailure(null);
    try {
      await setDesks.mutateAsync({ desks, stationId: roster.stationId });
      message.success(t("desks.saved", { desks }));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("desks.title")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      confirmLoading={setDesks.isPending}
      destroyOnHidden
      afterClose={() => setValue(null)}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t("desks.hint")}</Typography.Paragraph>
      <Space align="center">
        <InputNumber min={1} max={20} value={desks} onChange={(v) => setValue(v ?? 1)} data-testid="desks-input" />
        <span>{t("desks.unit")}</span>
      </Space>
      {settings.data?.busiest && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("desks.busiest", { date: settings.data.busiest.date, count: settings.data.busiest.count })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

function ShiftChip({
  shift,
  colour,
  draggable,
  onOpen,
  onDragStart,
}: {
  shift: Shift;
  colour: string;
  draggable: boolean;
  onOpen: () => void;
  onDragStart: (e: DragEvent<HTMLButtonElement>) => void;
}) {
  const { t } = useTranslation("duty");
  const full = shift.booked >= shift.capacity && shift.capacity > 0;
  return (
    <Tooltip
      title={
        <div>
          <div>{shift.unitName}</div>
          <div>{`${shift.startTime}–${shift.endTime}`}</div>
          <div>{t("shift.bookedOf", { booked: shift.booked, capacity: shift.capacity })}</div>
          {shift.officerName && <div>{t("shift.officer", { name: shift.officerName })}</div>}
          {draggable ? <div style={{ opacity: 0.8 }}>{t("shift.dragHint")}</div> : null}
        </div>
      }
      mouseEnterDelay={0.4}
    >
      <button
        type="button"
        draggable={draggable}
        onDragStart={onDragStart}
        onClick={onOpen}
        data-testid={`shift-${shift.id}`}
        data-unit={shift.unitName}
        data-date={shift.date}
        className="dd-duty-chip"
        style={{
          borderLeft: `4px solid ${colour}`,
          background: `${colour}14`,
          cursor: draggable ? "grab" : "pointer",
          opacity: shift.past ? 0.6 : 1,
          outline: shift.mine ? `2px solid ${colour}` : undefined,
        }}
      >
        <div className="dd-duty-chip-name">{shortUnitName(shift.unitName)}</div>
        <div className="dd-duty-chip-meta">
          <span>{`${shift.startTime}–${shift.endTime}`}</span>
          <span style={{ color: full ? "#cf1322" : undefined }}>{`${shift.booked}/${shift.capacity}`}</span>
        </div>
      </button>
    </Tooltip>
  );
}

function MonthGrid({
  roster,
  canManage,
  onOpen,
  onAdd,
  onMoved,
  onRefused,
}: {
  roster: Roster;
  canManage: boolean;
  onOpen: (s: Shift) => void;
  onAdd: (date: string) => void;
  onMoved: (s: Shift, date: string) => void;
  onRefused: (message: string) => void;
}) {
  const { t } = useTranslation("duty");
  const update = useUpdateShift();
  const dragging = useRef<Shift | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const unitIds = roster.units.map((u) => u.id);
  const byDate = useMemo(() => {
    const m = new Map<string, Shift[]>();
    for (const s of roster.shifts) m.set(s.date, [...(m.get(s.date) ?? []), s]);
    return m;
  }, [roster.shifts]);
  const weeks = monthWeeks(roster.month);

  const drop = async (e: DragEvent<HTMLDivElement>, date: string) => {
    e.preventDefault();
    setOver(null);
    const id = Number(e.dataTransfer.getData("text/plain"));
    const shift = dragging.current ?? roster.shifts.find((s) => s.id === id) ?? null;
    dragging.current = null;
    if (!shift || shift.date === date) return;
    try {
      await update.mutateAsync({ id: shift.id, patch: { version: shift.version, date } });
      onMoved(shift, date);
    } catch (error) {
      onRefused(errorMessage(error));
    }
  };

  return (
    <div className="dd-duty-month" data-testid="roster-month">
      {[1, 2, 3, 4, 5, 6, 7].map((d) => (
        <div key={`h${d}`} className="dd-duty-head" style={{ color: d >= 6 ? "#8c8c8c" : undefined }}>
          {t(`weekday.${d}`)}
        </div>
      ))}
      {weeks.flat().map((date) => {
        const inMonth = date.startsWith(roster.month);
        const past = date < roster.today;
        const today = date === roster.today;
        const shifts = inMonth ? (byDate.get(date) ?? []) : [];
        const droppable = canManage && inMonth && !past;
        const full = shifts.length >= roster.desks;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a drop target of the calendar's drag and drop; keyboard users move a shift with the date field of its dialog
          <div
            key={date}
            data-testid={inMonth ? `roster-day-${date}` : undefined}
            data-date={date}
            className={`dd-duty-day${inMonth ? "" : " dd-duty-out"}${past ? " dd-duty-past" : ""}${today ? " dd-duty-today" : ""}${over === date ? " dd-duty-over" : ""}`}
            onDragOver={
              droppable
                ? (e) => {
                    e.preventDefault();
                    e.dataTransfer.dropEffect = "move";
                    if (over !== date) setOver(date);
                  }
                : undefined
            }
            onDragLeave={droppable ? () => setOver((o) => (o === date ? null : o)) : undefined}
            onDrop={droppable ? (e) => drop(e, date) : undefined}
          >
            <div className="dd-duty-day-head">
              <span className="dd-duty-day-no">{dayjs(date).date()}</span>
              {today && (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t("today")}
                </Tag>
              )}
              {inMonth && shifts.length > 0 && (
                <span
                  className="dd-duty-desks"
                  style={{ color: full ? "#d46b08" : undefined }}
                  title={t("desks.usage", { used: shifts.length, desks: roster.desks })}
                >
                  {`${shifts.length}/${roster.desks}`}
                </span>
              )}
              {droppable && !full && (
                <Button
                  size="small"
                  type="text"
                  className="dd-duty-add"
                  icon={<PlusOutlined />}
                  aria-label={t("shift.addOn", { date })}
                  onClick={() => onAdd(date)}
                />
              )}
            </div>
            {shifts.map((s) => (
              <ShiftChip
                key={s.id}
                shift={s}
                colour={unitColour(unitIds, s.unitId)}
                draggable={canManage && !s.past && s.booked === 0}
                onOpen={() => onOpen(s)}
                onDragStart={(e) => {
                  dragging.current = s;
                  e.dataTransfer.setData("text/plain", String(s.id));
                  e.dataTransfer.effectAllowed = "move";
                }}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}

/** 本月坐班一览: the month's shifts per department as a plain list (what the calendar shows, for screen readers). */
function DepartmentList({ roster }: { roster: Roster }) {
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

function MyShifts() {
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

function RulesTab({ stationId, units }: { stationId: number; units: number[] }) {
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

/** 轮值坐班: the month's roster of the departments sitting at the station, edited by dragging between days. */
export default function RosterPage() {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const me = useMe();
  const can = useCan();
  const list = useListParams(["month", "stationId", "tab", "unitId"]);
  const month = list.filters.month ?? stationMonth(new Date());
  const stationId = list.filters.stationId ? Number(list.filters.stationId) : undefined;
  const unitFilter = list.filters.unitId ? Number(list.filters.unitId) : undefined;
  const tab = list.filters.tab ?? "month";
  const roster = useRoster({ month, stationId });
  const canManage = can("duty.manage");
  const unitScoped = me.allianceUnitId !== null;
  const [editing, setEditing] = useState<{ shift?: Shift | null; date?: string | null } | null>(null);
  const [ruleOpen, setRuleOpen] = useState(false);
  const [desksOpen, setDesksOpen] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const data = roster.data;
  const shown = data && unitFilter ? { ...data, shifts: data.shifts.filter((s) => s.unitId === unitFilter) } : data;
  const unitIds = data?.units.map((u) => u.id) ?? [];
  const go = (delta: number) => list.update({ month: shiftMonth(month, delta) });

  return (
    <div>
      {unitScoped && <MyShifts />}
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("roster.title")}
          </Typography.Title>
          {data && <Typography.Text type="secondary">{data.stationName}</Typography.Text>}
          <div style={{ flex: 1 }} />
          {me.stations.length > 1 && (
            <Select
              style={{ width: 220 }}
              placeholder={t("roster.station")}
              value={stationId ?? data?.stationId}
              onChange={(value) => list.update({ stationId: value })}
              options={me.stations.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
          {canManage && tab === "month" && (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setDesksOpen(true)} data-testid="desks-button">
                {t("desks.button", { desks: data?.desks ?? "…" })}
              </Button>
              <Button icon={<CalendarOutlined />} onClick={() => setRuleOpen(true)} data-testid="rule-add">
                {t("rule.add")}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ date: null })} data-testid="shift-add">
                {t("shift.add")}
              </Button>
            </>
          )}
          {!canManage && <Tag>{t("roster.readOnly")}</Tag>}
        </div>
        <Tabs
          activeKey={tab}
          onChange={(key) => list.update({ tab: key === "month" ? undefined : key })}
          items={[
            {
              key: "month",
              label: t("roster.tabMonth"),
              children:
                tab !== "month" ? null : roster.isPending ? (
                  <Spin style={{ display: "block", padding: 80 }} />
                ) : roster.isError ? (
                  <Alert type="error" showIcon title={errorMessage(roster.error)} />
                ) : shown ? (
                  <>
                    <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12, marginBottom: 12 }}>
                      <Space.Compact>
                        <Button icon={<LeftOutlined />} onClick={() => go(-1)} aria-label={t("roster.prev")} data-testid="month-prev" />
                        <Button
                          style={{ minWidth: 140, fontWeight: 600 }}
                          onClick={() => list.update({ month: undefined })}
                          data-testid="month-label"
                        >
                          {dayjs(`${month}-01`).format(t("roster.monthFormat"))}
                        </Button>
                        <Button icon={<RightOutlined />} onClick={() => go(1)} aria-label={t("roster.next")} data-testid="month-next" />
                      </Space.Compact>
                      <Typography.Text type="secondary">
                        {t("roster.summary", {
                          shifts: shown.shifts.length,
                          units: new Set(shown.shifts.map((s) => s.unitId)).size,
                          desks: shown.desks,
                        })}
                      </Typography.Text>
                      <div style={{ flex: 1 }} />
                      {canManage && <Typography.Text type="secondary">{t("roster.dragHelp")}</Typography.Text>}
                    </div>
                    <div className="dd-duty-legend" data-testid="roster-legend">
                      {data?.units
                        .filter((u) => data.shifts.some((s) => s.unitId === u.id))
                        .map((u) => {
                          const active = unitFilter === u.id;
                          return (
                            <button
                              type="button"
                              key={u.id}
                              className={`dd-duty-legend-item${active ? " active" : ""}`}
                              onClick={() => list.update({ unitId: active ? undefined : u.id })}
                              aria-pressed={active}
                            >
                              <span className="dd-duty-dot" style={{ background: unitColour(unitIds, u.id) }} />
                              {u.name}
                              <span className="dd-duty-muted">{data.shifts.filter((s) => s.unitId === u.id).length}</span>
                            </button>
                          );
                        })}
                    </div>
                    {refusal && (
                      <Alert
                        type="error"
                        showIcon
                        closable={{ onClose: () => setRefusal(null) }}
                        title={refusal}
                        style={{ marginBottom: 12 }}
                        data-testid="roster-error"
                      />
                    )}
                    <MonthGrid
                      roster={shown}
                      canManage={canManage}
                      onOpen={(s) => setEditing({ shift: s })}
                      onAdd={(date) => setEditing({ date })}
                      onMoved={(s, date) => {
                        setRefusal(null);
                        message.success(t("shift.moved", { unit: s.unitName, date }));
                      }}
                      onRefused={(text) => {
                        setRefusal(text);
                        message.error(text);
                      }}
                    />
                    <Typography.Title level={5} style={{ marginTop: 24 }}>
                      {t("roster.listTitle")}
                    </Typography.Title>
                    <DepartmentList roster={shown} />
                  </>
                ) : null,
            },
            {
              key: "rules",
              label: t("roster.tabRules"),
              children: tab === "rules" && data ? <RulesTab stationId={data.stationId} units={unitIds} /> : null,
            },
          ]}
        />
      </Card>
      {data && (
        <>
          <ShiftFormModal
            open={editing !== null}
            onClose={() => setEditing(null)}
            roster={data}
            shift={editing?.shift ?? null}
            date={editing?.date ?? null}
            canManage={canManage}
          />
          <RuleModal open={ruleOpen} onClose={() => setRuleOpen(false)} roster={data} />
          <DesksModal open={desksOpen} onClose={() => setDesksOpen(false)} roster={data} />
        </>
      )}
    </div>
  );
}
