// Meetings, invited units, agenda items, attendances and action items. Only this file touches those tables.

import { type ExpressionBuilder, type Kysely, sql, type Transaction } from "kysely";
import type { ActionItemStatus, AgendaSource, MeetingKind, MeetingStatus } from "../../../contracts/meetings.ts";
import { inBatches } from "../../db/batches.ts";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { ActionItemTable, AttendanceTable, DB, MeetingTable } from "../../db/tables.ts";
import { containsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface MeetingFilter {
  stationIds: number[] | null;
  /** Only meetings this unit is invited to (unit accounts). */
  unitId?: number;
  kind?: MeetingKind;
  status?: MeetingStatus;
  /** ISO instants: starts_at ≥ from, < to. */
  from?: string;
  to?: string;
  q?: string;
}

export interface ActionItemFilter {
  stationIds: number[] | null;
  unitId?: number;
  status?: ActionItemStatus;
  meetingId?: number;
  /** Open items whose due date is before this station date. */
  overdueBefore?: string;
  /** Open items due on or after this station date (not overdue). */
  notOverdueFrom?: string;
}

export interface Page {
  limit: number;
  offset: number;
  sort?: string;
  order: "asc" | "desc";
}

export type MeetingValues = Omit<MeetingTable, "id" | "version">;
export type AgendaValues = { source: AgendaSource; ref_id: number | null; title: string; note: string | null };
export type AttendanceValues = Omit<AttendanceTable, "id">;
export type ActionItemValues = Omit<ActionItemTable, "id" | "version">;

const meetingColumns = [
  "m.id",
  "m.station_id",
  "m.kind",
  "m.title",
  "m.starts_at",
  "m.place",
  "m.status",
  "m.minutes",
  "m.cancel_reason",
  "m.checkin_secret",
  "m.created_at",
  "m.updated_at",
  "m.version",
] as const;

const actionItemColumns = [
  "a.id",
  "a.meeting_id",
  "m.title as meeting_title",
  "a.station_id",
  "a.text",
  "a.owner_unit_id",
  "u.name as owner_unit_name",
  "a.due_date",
  "a.status",
  "a.note",
  "a.done_at",
  "a.created_at",
  "a.updated_at",
  "a.version",
] as const;

const meetingSort = { startsAt: "m.starts_at", title: "m.title", status: "m.status", kind: "m.kind" } as const;
const actionItemSort = { dueDate: "a.due_date", status: "a.status", createdAt: "a.created_at" } as const;

const meetingTextColumns = ["m.title", "m.place"] as const;

// biome-ignore lint/suspicious/noExplicitAny: applies to the meetings table alone or joined (alias m)
function meetingText(eb: ExpressionBuilder<any, any>, text: string) {
  return eb.or(meetingTextColumns.map((column) => containsText(eb, column, text)));
}

export class MeetingsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private filteredMeetings(db: Db, f: MeetingFilter, withText = true) {
    let q = db.selectFrom("meetings as m");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "m.station_id"));
    if (f.unitId !== undefined) {
      const unitId = f.unitId;
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom("meeting_units as mu").select("mu.unit_id").whereRef("mu.meeting_id", "=", "m.id").where("mu.unit_id", "=", unitId),
        ),
      );
    }
    if (f.kind) q = q.where("m.kind", "=", f.kind);
    if (f.status) q = q.where("m.status", "=", f.status);
    if (f.from) q = q.where("m.starts_at", ">=", f.from);
    if (f.to) q = q.where("m.starts_at", "<", f.to);
    if (f.q && withText) {
      const text = f.q;
      q = q.where((eb) => meetingText(eb, text));
    }
    return q;
  }

  /** The page's ids from the meetings table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listMeetings(f: MeetingFilter, page: Page) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.filteredMeetings(this.db, f, false),
      text: text ? { columns: meetingTextColumns, condition: (eb) => meetingText(eb, text) } : undefined,
      id: "m.id",
      order: [
        [meetingSort[page.sort as keyof typeof meetingSort] ?? "m.starts_at", page.order],
        ["m.id", page.order],
      ],
      rows: (ids) => this.db.selectFrom("meetings as m").select(meetingColumns).where("m.id", "in", ids).execute(),
      page,
    });
  }

  findMeeting(id: number, db: Db = this.db) {
    return db.selectFrom("meetings as m").select(meetingColumns).where("m.id", "=", id).executeTakeFirst();
  }

  /** The next scheduled meeting of a kind at a station starting at or after `fromIso`, earliest first. */
  nextMeeting(db: Db, stationId: number, kind: MeetingKind, fromIso: string) {
    return db
      .selectFrom("meetings")
      .select(["id"])
      .where("station_id", "=", stationId)
      .where("kind", "=", kind)
      .where("status", "=", "scheduled")
      .where("starts_at", ">=", fromIso)
      .orderBy("starts_at")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
  }

  invitedUnits(meetingIds: number[], db: Db = this.db) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("meeting_units as mu")
      .innerJoin("alliance_units as u", "u.id", "mu.unit_id")
      .select(["mu.meeting_id", "u.id", "u.name"])
      .where("mu.meeting_id", "in", meetingIds)
      .orderBy("u.id")
      .execute();
  }

  agenda(meetingIds: number[], db: Db = this.db) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("agenda_items")
      .select(["id", "meeting_id", "source", "ref_id", "title", "note", "position"])
      .where("meeting_id", "in", meetingIds)
      .orderBy("position")
      .orderBy("id")
      .execute();
  }

  attendances(meetingIds: number[], db: Db = this.db) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("attendances as t")
      .leftJoin("alliance_units as u", "u.id", "t.unit_id")
      .select(["t.id", "t.meeting_id", "t.user_id", "t.name", "t.unit_id", "u.name as unit_name", "t.method", "t.checked_in_at"])
      .where("t.meeting_id", "in", meetingIds)
      .orderBy("t.checked_in_at")
      .orderBy("t.id")
      .execute();
  }

  findAttendance(db: Db, meetingId: number, userId: number) {
    return this.attendanceQuery(db).where("t.meeting_id", "=", meetingId).where("t.user_id", "=", userId).executeTakeFirst();
  }

  findAttendanceByName(db: Db, meetingId: number, name: string, unitId: number | null) {
    let q = this.attendanceQuery(db).where("t.meeting_id", "=", meetingId).where("t.user_id", "is", null).where("t.name", "=", name);
    q = unitId === null ? q.where("t.unit_id", "is", null) : q.where("t.unit_id", "=", unitId);
    return q.executeTakeFirst();
  }

  findAttendanceById(db: Db, id: number) {
    return this.attendanceQuery(db).where("t.id", "=", id).executeTakeFirst();
  }

  private attendanceQuery(db: Db) {
    return db
      .selectFrom("attendances as t")
      .leftJoin("alliance_units as u", "u.id", "t.unit_id")
      .select(["t.id", "t.meeting_id", "t.user_id", "t.name", "t.unit_id", "u.name as unit_name", "t.method", "t.checked_in_at"]);
  }

  /** A meeting with its invited units; usable in a batch (demo data) inside the caller's transaction. */
  async insertMeeting(db: Db, values: MeetingValues, invitedUnitIds: number[]) {
    const id = (await db.insertInto("meetings").values(values).returning("id").executeTakeFirstOrThrow()).id;
    const unitIds = [...new Set(invitedUnitIds)];
    if (unitIds.length) {
      await db
        .insertInto("meeting_units")
        .values(unitIds.map((unit_id) => ({ meeting_id: id, unit_id })))
        .execute();
    }
    return id;
  }

  async updateMeeting(db: Db, id: number, version: number, values: Partial<MeetingValues>) {
    const r = await db
      .updateTable("meetings")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Appends items at the end of a meeting's agenda, in order; returns their ids. */
  async appendAgenda(db: Db, meetingId: number, items: AgendaValues[]) {
    if (items.length === 0) return [];
    const last = await db
      .selectFrom("agenda_items")
      .select((eb) => eb.fn.max("position").as("p"))
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    const start = Number(last?.p ?? 0) + 1;
    const rows = await db
      .insertInto("agenda_items")
      .values(items.map((item, i) => ({ ...item, meeting_id: meetingId, position: start + i })))
      .returning("id")
      .execute();
    return rows.map((r) => r.id);
  }

  hasAgendaItem(db: Db, meetingId: number, source: AgendaSource, refId: number) {
    return db
      .selectFrom("agenda_items")
      .select("id")
      .where("meeting_id", "=", meetingId)
      .where("source", "=", source)
      .where("ref_id", "=", refId)
      .executeTakeFirst();
  }

  findAgendaItem(db: Db, meetingId: number, itemId: number) {
    return db
      .selectFrom("agenda_items")
      .select(["id", "source", "ref_id", "title", "note"])
      .where("meeting_id", "=", meetingId)
      .where("id", "=", itemId)
      .executeTakeFirst();
  }

  async deleteAgendaItem(db: Db, meetingId: number, itemId: number) {
    const r = await db.deleteFrom("agenda_items").where("meeting_id", "=", meetingId).where("id", "=", itemId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async insertAttendance(db: Db, values: AttendanceValues) {
    return (await db.insertInto("attendances").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async insertAttendances(db: Db, values: AttendanceValues[]) {
    return inBatches(values, async (b) => (await db.insertInto("attendances").values(b).returning("id").execute()).map((r) => r.id));
  }

  private actionItems(db: Db) {
    return db
      .selectFrom("action_items as a")
      .innerJoin("meetings as m", "m.id", "a.meeting_id")
      .innerJoin("alliance_units as u", "u.id", "a.owner_unit_id");
  }

  /** The action items table alone with the filter (the meeting and the unit are joined for a page's rows only). */
  private filteredActionItems(db: Db, f: ActionItemFilter) {
    let q = db.selectFrom("action_items as a");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "a.station_id"));
    if (f.unitId !== undefined) q = q.where("a.owner_unit_id", "=", f.unitId);
    if (f.status) q = q.where("a.status", "=", f.status);
    if (f.meetingId !== undefined) q = q.where("a.meeting_id", "=", f.meetingId);
    if (f.overdueBefore) q = q.where("a.status", "=", "open").where("a.due_date", "<", f.overdueBefore);
    if (f.notOverdueFrom) {
      const from = f.notOverdueFrom;
      q = q.where((eb) => eb.or([eb("a.status", "!=", "open"), eb("a.due_date", ">=", from)]));
    }
    return q;
  }

  /** The page's ids from the action items table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listActionItems(f: ActionItemFilter, page: Page) {
    return pagedList({
      db: this.db,
      filtered: this.filteredActionItems(this.db, f),
      id: "a.id",
      order: [
        [actionItemSort[page.sort as keyof typeof actionItemSort] ?? "a.due_date", page.order],
        ["a.id", page.order],
      ],
      rows: (ids) => this.actionItems(this.db).select(actionItemColumns).where("a.id", "in", ids).execute(),
      page,
    });
  }

  actionItemsOf(meetingIds: number[], db: Db = this.db) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.actionItems(db).select(actionItemColumns).where("a.meeting_id", "in", meetingIds).orderBy("a.id").execute();
  }

  findActionItem(id: number, db: Db = this.db) {
    return this.actionItems(db).select(actionItemColumns).where("a.id", "=", id).executeTakeFirst();
  }

  async insertActionItem(db: Db, values: ActionItemValues) {
    return (await db.insertInto("action_items").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async insertActionItems(db: Db, values: ActionItemValues[]) {
    return inBatches(values, async (b) => (await db.insertInto("action_items").values(b).returning("id").execute()).map((r) => r.id));
  }

  async updateActionItem(db: Db, id: number, version: number, values: Partial<ActionItemValues>) {
    const r = await db
      .updateTable("action_items")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  units(ids: number[], db: Db = this.db) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom("alliance_units").select(["id", "station_id", "name"]).where("id", "in", ids).execute();
  }

  user(id: number, db: Db = this.db) {
    return db
      .selectFrom("users as u")
      .innerJoin("org_units as o", "o.id", "u.org_unit_id")
      .select(["u.id", "u.display_name", "u.alliance_unit_id", "o.path"])
      .where("u.id", "=", id)
      .executeTakeFirst();
  }

  stationPath(stationId: number, db: Db = this.db) {
    return db.selectFrom("org_units").select("path").where("id", "=", stationId).executeTakeFirst();
  }

  /** Per unit: held meetings it was invited to, and those it attended (someone of the unit checked in). */
  async unitMeetingStats(stationIds: number[] | null, from?: string, to?: string) {
    let q = this.db
      .selectFrom("meeting_units as mu")
      .innerJoin("meetings as m", "m.id", "mu.meeting_id")
      .select([
        "mu.unit_id",
        (eb) => eb.fn.countAll<number>().as("invited"),
        sql<number>`sum(case when exists (select 1 from attendances t where t.meeting_id = m.id and t.unit_id = mu.unit_id) then 1 else 0 end)`.as(
          "attended",
        ),
      ])
      .where("m.status", "=", "held");
    if (stationIds !== null) q = q.where(inStations(stationIds, "m.station_id"));
    if (from) q = q.where("m.starts_at", ">=", from);
    if (to) q = q.where("m.starts_at", "<", to);
    const rows = await q.groupBy("mu.unit_id").execute();
    return rows.map((r) => ({ unitId: Number(r.unit_id), invited: Number(r.invited), attended: Number(r.attended) }));
  }

  /** Per unit: action items it owns (created in the period) and those done. */
  async unitActionItemStats(stationIds: number[] | null, from?: string, to?: string) {
    let q = this.db
      .selectFrom("action_items as a")
      .select([
        "a.owner_unit_id",
        (eb) => eb.fn.countAll<number>().as("total"),
        sql<number>`sum(case when a.status = 'done' then 1 else 0 end)`.as("done"),
      ])
      .where("a.status", "!=", "cancelled");
    if (stationIds !== null) q = q.where(inStations(stationIds, "a.station_id"));
    if (from) q = q.where("a.created_at", ">=", from);
    if (to) q = q.where("a.created_at", "<", to);
    const rows = await q.groupBy("a.owner_unit_id").execute();
    return rows.map((r) => ({ unitId: Number(r.owner_unit_id), actionItems: Number(r.total), done: Number(r.done) }));
  }
}

export type MeetingRow = NonNullable<Awaited<ReturnType<MeetingsRepository["findMeeting"]>>>;
export type ActionItemRow = NonNullable<Awaited<ReturnType<MeetingsRepository["findActionItem"]>>>;
export type AttendanceRow = NonNullable<Awaited<ReturnType<MeetingsRepository["findAttendanceById"]>>>;
