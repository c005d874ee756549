// Meetings, attendance and action items as the API shows them; the check-in secret never leaves the server.
import type { z } from "zod";
import type { ActionItem, AgendaSource, attendanceSchema, Meeting } from "../../../contracts/meetings.ts";
import type { ActionItemRow, AttendanceRow, MeetingRow } from "./meetings.repository.ts";
import { isActionItemOverdue } from "./meetings.workflow.ts";

type Attendance = z.infer<typeof attendanceSchema>;

export function presentAttendance(row: Omit<AttendanceRow, "id" | "meeting_id">): Attendance {
  return {
    userId: row.user_id,
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name ?? null,
    checkedInAt: row.checked_in_at,
    method: row.method,
  };
}

/** An action item; `overdue` as of `now`. */
export function presentActionItem(row: ActionItemRow, now: Date): ActionItem {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    text: row.text,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    dueDate: row.due_date,
    status: row.status,
    note: row.note,
    overdue: isActionItemOverdue(row.status, row.due_date, now),
    doneAt: row.done_at,
    version: row.version,
  };
}

export interface MeetingParts {
  units: { id: number; name: string }[];
  agenda: { id: number; source: AgendaSource; ref_id: number | null; title: string; note: string | null }[];
  attendance: AttendanceRow[];
  resolutions: ActionItemRow[];
}

/** A meeting with its parts; its resolutions' `overdue` as of `now`. */
export function presentMeeting(row: MeetingRow, parts: MeetingParts, now: Date): Meeting {
  const attendedUnits = new Set(parts.attendance.map((a) => a.unit_id).filter((u) => u !== null));
  return {
    id: row.id,
    stationId: row.station_id,
    kind: row.kind,
    title: row.title,
    startsAt: row.starts_at,
    place: row.place,
    status: row.status,
    invitedUnits: parts.units.map((u) => ({ id: u.id, name: u.name, attended: attendedUnits.has(u.id) })),
    agenda: parts.agenda.map((a) => ({
      id: a.id,
      source: a.source,
      refId: a.ref_id,
      title: a.title,
      note: a.note,
    })),
    attendance: parts.attendance.map(presentAttendance),
    minutes: row.minutes,
    resolutions: parts.resolutions.map((r) => presentActionItem(r, now)),
    createdAt: row.created_at,
    version: row.version,
  };
}

/** What the audit log keeps of a meeting when it is scheduled. */
export function meetingAuditView(m: Meeting) {
  return { kind: m.kind, title: m.title, startsAt: m.startsAt, place: m.place, invitedUnitIds: m.invitedUnits.map((u) => u.id) };
}
