import { PlusOutlined } from "@ant-design/icons";
import { Button, Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import { type DragEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, monthRange, weekStart } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useUpdateShift } from "../api/shift-actions.ts";
import type { Roster, Shift } from "../api/types.ts";
import { shortUnitName, unitColour } from "./labels.ts";
import "../../../components/month-calendar.css";

/** The weeks (Monday first) covering a month, as YYYY-MM-DD dates. */
function monthWeeks(month: string): string[][] {
  const { from, to } = monthRange(month);
  const weeks: string[][] = [];
  for (let d = weekStart(from); d <= to; d = addDays(d, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  }
  return weeks;
}

/** One shift on the calendar: the department, its hours and bookings; dragged to another day when nobody has booked it. */
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
          opacity: shift.past ? 0.85 : 1,
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

/** The roster month as a Monday-first calendar: a cell per day with its shifts; managers add, open and drag shifts between days. */
export function MonthGrid({
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
    <div className="dd-month" data-testid="roster-month">
      {[1, 2, 3, 4, 5, 6, 7].map((d) => (
        <div key={`h${d}`} className="dd-month-head" style={{ color: d >= 6 ? "#595959" : undefined }}>
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
            className={`dd-month-day dd-duty-day${inMonth ? "" : " dd-duty-out"}${past ? " dd-duty-past" : ""}${today ? " dd-duty-today" : ""}${over === date ? " dd-duty-over" : ""}`}
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
