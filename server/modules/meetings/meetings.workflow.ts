// Meetings (联席会议, 商圈理事会) and their action items as pure state machines, plus the station-time
// rules they depend on: meeting scheduled → held | cancelled; agenda edits only while scheduled; check-in on
// the meeting's day while it is scheduled or held; action item open → done | cancelled (a note may be added
// while open). The service applies these inside a transaction.
import type { actionItemStatuses, meetingStatuses } from "../../../contracts/meetings.ts";

export type MeetingStatus = (typeof meetingStatuses)[number];
export type ActionItemStatus = (typeof actionItemStatuses)[number];
export type MeetingEvent = "hold" | "cancel";

type Step<S, R> = { ok: true; status: S } | { ok: false; refusal: R };

/** Stations keep China Standard Time (UTC+8, no daylight saving). */
import { stationDate, stationDayEnd, stationDayStart } from "../../../contracts/calendar.ts";

export { stationDate, stationDayEnd, stationDayStart };

const meetingTransitions: Record<MeetingStatus, Partial<Record<MeetingEvent, MeetingStatus>>> = {
  scheduled: { hold: "held", cancel: "cancelled" },
  held: {},
  cancelled: {},
};

export function nextMeetingStatus(from: MeetingStatus, event: MeetingEvent): Step<MeetingStatus, "meeting.transition"> {
  const to = meetingTransitions[from][event];
  return to ? { ok: true, status: to } : { ok: false, refusal: "meeting.transition" };
}

/** Items can be added to or taken off the agenda only before the meeting is held. */
export function agendaEditable(status: MeetingStatus): boolean {
  return status === "scheduled";
}

/** Resolutions are recorded for a held meeting only. */
export function takesResolutions(status: MeetingStatus): boolean {
  return status === "held";
}

/** Check-in is open on the meeting's own day (station time) while it is scheduled or held. */
export function checkInOpen(status: MeetingStatus, startsAt: string, now: Date): boolean {
  return (status === "scheduled" || status === "held") && stationDate(startsAt) === stationDate(now);
}

/** Staff may record attendance on any day for a meeting that is not cancelled (minutes written afterwards). */
export function takesAttendance(status: MeetingStatus): boolean {
  return status !== "cancelled";
}

const actionItemTransitions: Record<ActionItemStatus, readonly ActionItemStatus[]> = {
  open: ["open", "done", "cancelled"],
  done: [],
  cancelled: [],
};

export function nextActionItemStatus(from: ActionItemStatus, to: ActionItemStatus): Step<ActionItemStatus, "action_item.transition"> {
  return actionItemTransitions[from].includes(to) ? { ok: true, status: to } : { ok: false, refusal: "action_item.transition" };
}

/** An open action item whose due date (a station date) has passed. */
export function isActionItemOverdue(status: ActionItemStatus, dueDate: string, now: Date): boolean {
  return status === "open" && dueDate < stationDate(now);
}
