import { CalendarOutlined, LeftOutlined, PlusOutlined, RightOutlined, SettingOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Select, Space, Spin, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { shiftMonth, stationMonth } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { useRoster } from "../api/roster.ts";
import type { Shift } from "../api/types.ts";
import { unitColour } from "../components/labels.ts";
import "../duty.css";
import { DesksModal } from "../components/desks-modal.tsx";
import { MonthGrid } from "../components/roster-calendar.tsx";
import { DepartmentList, MyShifts, RulesTab } from "../components/roster-tabs.tsx";
import { RuleModal } from "../components/rule-modal.tsx";
import { ShiftFormModal } from "../components/shift-form-modal.tsx";

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
