// A month of the station's calendar as a Monday-first grid (weeks from contracts/calendar.ts, so a browser in another
// time zone draws the station's days); each day's content is the feature's (activities, sessions, shifts…).
import type { ReactNode } from "react";
import { addDays, monthRange, weekStart } from "../../contracts/calendar.ts";
import "./month-calendar.css";

/** The weeks (Monday first) covering a month, as YYYY-MM-DD dates. */
export function monthWeeks(month: string): string[][] {
  const { from, to } = monthRange(month);
  const weeks: string[][] = [];
  for (let d = weekStart(from); d <= to; d = addDays(d, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  return weeks;
}

export interface MonthCalendarProps {
  /** YYYY-MM. */
  month: string;
  /** The station's today (YYYY-MM-DD), marked; days before it are shaded. */
  today: string;
  /** The heading of a weekday column, 1 = Monday … 7 = Sunday. */
  weekday: (isoWeekday: number) => string;
  /** What a day of the month holds (days of the neighbouring months stay empty). */
  renderDay: (date: string) => ReactNode;
  /** A mark beside the day's number (e.g. 今天). */
  todayMark?: ReactNode;
  testId?: string;
}

export function MonthCalendar({ month, today, weekday, renderDay, todayMark, testId }: MonthCalendarProps) {
  return (
    <div className="dd-month" data-testid={testId}>
      {[1, 2, 3, 4, 5, 6, 7].map((d) => (
        <div key={`h${d}`} className="dd-month-head" style={{ color: d >= 6 ? "#595959" : undefined }}>
          {weekday(d)}
        </div>
      ))}
      {monthWeeks(month)
        .flat()
        .map((date) => {
          const inMonth = date.startsWith(month);
          const isToday = date === today;
          return (
            <div
              key={date}
              data-date={inMonth ? date : undefined}
              className={`dd-month-day${inMonth ? "" : " dd-month-out"}${date < today ? " dd-month-past" : ""}${isToday ? " dd-month-today" : ""}`}
            >
              <div className="dd-month-day-head">
                <span className="dd-month-day-no">{Number(date.slice(8, 10))}</span>
                {isToday && todayMark}
              </div>
              {inMonth && renderDay(date)}
            </div>
          );
        })}
    </div>
  );
}
