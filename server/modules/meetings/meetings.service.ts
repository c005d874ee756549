// Joint meetings of the alliance (联席会议) and council meetings (商圈理事会): scheduling with invited units, an
// agenda drawn from escalated problems and open needs plus staff's own items, QR check-in with a rotating signed
// code, minutes, and resolutions followed as action items until done. Every write is one audited transaction.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type {
  ActionItem,
  actionItemListQuery,
  actionItemUpdateSchema,
  agendaItemCreateSchema,
  Meeting,
  meetingActionSchema,
  meetingCreateSchema,
  meetingListQuery,
  resolutionCreateSchema,
} from "../../../contracts/meetings.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { CHECKIN_TTL_MS, checkToken, newCheckInSecret, parseCheckInToken, qrSvg, signCheckInToken } from "../../platform/checkin.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { assertStation, reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { unitScopeOf } from "../alliance-units/alliance-units.service.ts";
import type { EscalatedProblem, EscalationTarget } from "../problems/escalation.ts";
import { meetingAuditView, presentActionItem, presentAttendance, presentMeeting } from "./meetings.presenter.ts";
import { type AttendanceRow, type MeetingRow, MeetingsRepository } from "./meetings.repository.ts";
import {
  agendaEditable,
  checkInOpen,
  nextActionItemStatus,
  nextMeetingStatus,
  stationDate,
  stationDayEnd,
  stationDayStart,
  takesAttendance,
  takesResolutions,
} from "./meetings.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** Where a new meeting's agenda finds open needs (the lists module). */
export interface OpenNeedsSource {
  openNeedsOf(trx: Db, stationId: number): Promise<{ id: number; title: string }[]>;
}

export interface ManualAttendance {
  userId?: number;
  name: string;
  unitId?: number | null;
}

export class MeetingsService {
  readonly repo: MeetingsRepository;
  private readonly db: Kysely<DB>;
  private readonly needs: OpenNeedsSource;
  private readonly clock: Clock;
  private readonly jointScheduled: ((stationId: number) => Promise<unknown>)[] = [];

  constructor(db: Kysely<DB>, needs: OpenNeedsSource, clock: Clock) {
    this.db = db;
    this.repo = new MeetingsRepository(db);
    this.needs = needs;
    this.clock = clock;
  }

  /**
   * Called after a joint meeting is scheduled, so problems waiting for a meeting (overdue, not yet escalated)
   * reach its agenda at once rather than at the escalation job's next run.
   */
  onJointMeetingScheduled(listener: (stationId: number) => Promise<unknown>) {
    this.jointScheduled.push(listener);
  }

  /** The problems module's escalation target: the next scheduled joint meeting of the station. */
  escalationTarget(): EscalationTarget {
    return {
      agendaFor: async (trx, stationId, now) => {
        const next = await this.repo.nextMeeting(trx, stationId, "joint", now.toISOString());
        return next ? { meetingId: next.id } : null;
      },
      addProblem: (trx, meetingId, problem) => this.addProblemToAgenda(trx, meetingId, problem),
    };
  }

  private async addProblemToAgenda(trx: Db, meetingId: number, problem: EscalatedProblem) {
    if (await this.repo.hasAgendaItem(trx, meetingId, "problem", problem.id)) return;
    await this.repo.appendAgenda(trx, meetingId, [
      { source: "problem", ref_id: problem.id, title: `${problem.code} ${problem.title}`, note: null },
    ]);
  }

  private unitOf(user: SessionUser): number | undefined {
    return unitScopeOf(user) ?? undefined;
  }

  async list(user: SessionUser, query: z.output<typeof meetingListQuery>) {
    const { rows, total, totalCapped } = await this.repo.listMeetings(
      {
        stationIds: stationFilter(user, query.stationId),
        unitId: this.unitOf(user),
        kind: query.kind,
        status: query.status,
        from: query.from ? stationDayStart(query.from).toISOString() : undefined,
        to: query.to ? stationDayEnd(query.to).toISOString() : undefined,
        q: query.q || undefined,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize, sort: query.sort, order: query.order },
    );
    return pageAnswer(await this.present(rows, this.clock.now()), { total, totalCapped }, query);
  }

  /** Meetings with their invited units, agenda, attendance and resolutions (overdue as of `now`). */
  private async present(rows: MeetingRow[], now: Date, db: Db = this.db): Promise<Meeting[]> {
    const ids = rows.map((r) => r.id);
    const [units, agenda, attendance, resolutions] = await Promise.all([
      this.repo.invitedUnits(ids, db),
      this.repo.agenda(ids, db),
      this.repo.attendances(ids, db),
      this.repo.actionItemsOf(ids, db),
    ]);
    return rows.map((r) =>
      presentMeeting(
        r,
        {
          units: units.filter((u) => u.meeting_id === r.id),
          agenda: agenda.filter((a) => a.meeting_id === r.id),
          attendance: attendance.filter((a) => a.meeting_id === r.id),
          resolutions: resolutions.filter((a) => a.meeting_id === r.id),
        },
        now,
      ),
    );
  }

  /** A meeting the caller may see: in their stations, and for unit accounts one their unit is invited to. */
  private async visible(user: SessionUser, id: number, db: Db = this.db): Promise<MeetingRow> {
    const row = await this.repo.findMeeting(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    const unitId = this.unitOf(user);
    if (unitId !== undefined) {
      const units = await this.repo.invitedUnits([id], db);
      if (!units.some((u) => u.id === unitId)) throw notFound();
    }
    return row;
  }

  async get(user: SessionUser, id: number, db: Db = this.db): Promise<Meeting> {
    const [m] = await this.present([await this.visible(user, id, db)], this.clock.now(), db);
    return m;
  }

  private async unitsOfStation(ids: number[], stationId: number, field: string, db: Db = this.db) {
    const unique = [...new Set(ids)];
    const found = await this.repo.units(unique, db);
    const bad = ids.map((uid, i) => ({ uid, i })).filter(({ uid }) => !found.some((u) => u.id === uid && u.station_id === stationId));
    if (bad.length)
      throw fail(
        "record.not_found",
        bad.map(({ i }) => ({ field: `${field}.${i}` })),
      );
    return unique;
  }

  async create(user: SessionUser, input: z.output<typeof meetingCreateSchema>, actor: Actor): Promise<Meeting> {
    const stationId = targetStation(user, input.stationId);
    const now = this.clock.now();
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() < stationDayStart(stationDate(now)).getTime()) throw fail("meeting.starts_in_past", [{ field: "startsAt" }]);
    const unitIds = await this.unitsOfStation(input.invitedUnitIds, stationId, "invitedUnitIds");
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.repo.insertMeeting(
        trx,
        {
          station_id: stationId,
          kind: input.kind,
          title: input.title,
          starts_at: startsAt.toISOString(),
          place: input.place,
          status: "scheduled",
          minutes: null,
          cancel_reason: null,
          checkin_secret: newCheckInSecret(),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        },
        unitIds,
      );
      const needs = await this.needs.openNeedsOf(trx, stationId);
      await this.repo.appendAgenda(
        trx,
        newId,
        needs.map((n) => ({ source: "need", ref_id: n.id, title: n.title, note: null })),
      );
      const [created] = await this.present([(await this.repo.findMeeting(newId, trx))!], now, trx);
      await appendAudit(trx, actor, {
        at: now,
        action: "meeting.scheduled",
        objectType: "meeting",
        objectId: newId,
        stationId,
        after: { ...meetingAuditView(created), agenda: created.agenda.length },
      });
      return newId;
    });
    if (input.kind === "joint") {
      for (const listener of this.jointScheduled) {
        try {
          await listener(stationId);
        } catch {
          // The escalation job runs again on its own schedule; scheduling the meeting has succeeded.
        }
      }
    }
    return this.get(user, id);
  }

  async addAgendaItem(user: SessionUser, id: number, input: z.output<typeof agendaItemCreateSchema>, actor: Actor): Promise<Meeting> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visible(user, id, trx);
      if (!agendaEditable(row.status)) throw fail("meeting.transition", [{ field: "status" }]);
      if (!(await this.repo.updateMeeting(trx, id, input.version, { updated_at: now.toISOString() }))) throw conflict();
      const [itemId] = await this.repo.appendAgenda(trx, id, [{ source: "custom", ref_id: null, title: input.title, note: input.note }]);
      await appendAudit(trx, actor, {
        at: now,
        action: "meeting.agenda_added",
        objectType: "meeting",
        objectId: id,
        stationId: row.station_id,
        after: { itemId, title: input.title, note: input.note },
      });
    });
    return this.get(user, id);
  }

  async removeAgendaItem(user: SessionUser, id: number, itemId: number, actor: Actor): Promise<Meeting> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visible(user, id, trx);
      if (!agendaEditable(row.status)) throw fail("meeting.transition", [{ field: "status" }]);
      const item = await this.repo.findAgendaItem(trx, id, itemId);
      if (!item || !(await this.repo.deleteAgendaItem(trx, id, itemId))) throw notFound();
      if (!(await this.repo.updateMeeting(trx, id, row.version, { updated_at: now.toISOString() }))) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "meeting.agenda_removed",
        objectType: "meeting",
        objectId: id,
        stationId: row.station_id,
        before: { itemId, source: item.source, refId: item.ref_id, title: item.title },
      });
    });
    return this.get(user, id);
  }

  async act(user: SessionUser, id: number, input: z.output<typeof meetingActionSchema>, actor: Actor): Promise<Meeting> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visible(user, id, trx);
      const step = nextMeetingStatus(row.status, input.action);
      if (!step.ok) throw fail(step.refusal, [{ field: "action" }]);
      const values =
        input.action === "hold"
          ? { status: step.status, minutes: input.minutes, updated_at: now.toISOString() }
          : { status: step.status, cancel_reason: input.reason, updated_at: now.toISOString() };
      if (!(await this.repo.updateMeeting(trx, id, input.version, values))) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: input.action === "hold" ? "meeting.held" : "meeting.cancelled",
        objectType: "meeting",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: input.action === "hold" ? { status: step.status, minutes: input.minutes } : { status: step.status, reason: input.reason },
      });
    });
    return this.get(user, id);
  }

  async checkInCode(user: SessionUser, id: number, origin: string) {
    const now = this.clock.now();
    const row = await this.visible(user, id);
    if (!takesAttendance(row.status)) throw fail("meeting.transition", [{ field: "status" }]);
    const expiresAt = new Date(now.getTime() + CHECKIN_TTL_MS);
    const token = signCheckInToken(row.checkin_secret, row.id, expiresAt);
    const url = `${origin}/m/checkin?token=${encodeURIComponent(token)}`;
    return { token, url, expiresAt: expiresAt.toISOString(), qrSvg: await qrSvg(url) };
  }

  /** Records the caller's attendance once; a second scan answers with the record already there. */
  async checkIn(user: SessionUser, token: string, actor: Actor) {
    const now = this.clock.now();
    const parsed = parseCheckInToken(token);
    const row = parsed ? await this.repo.findMeeting(parsed.meetingId) : undefined;
    const check = checkToken(parsed, row?.checkin_secret ?? null, now);
    if (!check.ok) throw fail(check.refusal, [{ field: "token" }]);
    const meeting = row!;
    if (!reachesStation(user, meeting.station_id)) throw fail("meeting.checkin_invalid", [{ field: "token" }]);
    if (!checkInOpen(meeting.status, meeting.starts_at, now)) throw fail("meeting.checkin_closed", [{ field: "token" }]);
    const unitId = this.unitOf(user);
    if (unitId !== undefined) {
      const invited = await this.repo.invitedUnits([meeting.id]);
      if (!invited.some((u) => u.id === unitId)) throw fail("meeting.not_invited", [{ field: "token" }]);
    }
    const summary = { meetingId: meeting.id, meetingTitle: meeting.title };
    const existing = await this.repo.findAttendance(this.db, meeting.id, user.id);
    if (existing) return { ...summary, ...presentAttendance(existing), created: false };
    try {
      const created = await this.db.transaction().execute(async (trx) => {
        const attendanceId = await this.repo.insertAttendance(trx, {
          meeting_id: meeting.id,
          user_id: user.id,
          name: user.displayName,
          unit_id: user.allianceUnitId,
          method: "qr",
          checked_in_at: now.toISOString(),
        });
        await appendAudit(trx, actor, {
          at: now,
          action: "meeting.checked_in",
          objectType: "meeting",
          objectId: meeting.id,
          stationId: meeting.station_id,
          after: { userId: user.id, unitId: user.allianceUnitId, method: "qr" },
        });
        return (await this.repo.findAttendanceById(trx, attendanceId))!;
      });
      return { ...summary, ...presentAttendance(created), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await this.repo.findAttendance(this.db, meeting.id, user.id);
      if (!raced) throw error;
      return { ...summary, ...presentAttendance(raced), created: false };
    }
  }

  /** Staff record someone's attendance by hand (no phone, or signed on paper). */
  async recordAttendance(user: SessionUser, id: number, input: ManualAttendance, actor: Actor) {
    const now = this.clock.now();
    const result = await this.db.transaction().execute(async (trx) => {
      const meeting = await this.visible(user, id, trx);
      if (!takesAttendance(meeting.status)) throw fail("meeting.transition", [{ field: "status" }]);
      let unitId = input.unitId ?? null;
      if (unitId !== null) {
        const [unit] = await this.repo.units([unitId], trx);
        if (!unit || unit.station_id !== meeting.station_id) throw fail("record.not_found", [{ field: "unitId" }]);
      }
      let existing: AttendanceRow | undefined;
      if (input.userId !== undefined) {
        const person = await this.repo.user(input.userId, trx);
        const station = await this.repo.stationPath(meeting.station_id, trx);
        // The person belongs to the meeting's station (or above it: a district officer attending).
        if (!person || !station || !(station.path.startsWith(person.path) || person.path.startsWith(station.path))) {
          throw fail("record.not_found", [{ field: "userId" }]);
        }
        unitId = unitId ?? person.alliance_unit_id;
        existing = await this.repo.findAttendance(trx, id, input.userId);
      } else {
        existing = await this.repo.findAttendanceByName(trx, id, input.name, unitId);
      }
      if (existing) return { row: existing, created: false };
      const attendanceId = await this.repo.insertAttendance(trx, {
        meeting_id: id,
        user_id: input.userId ?? null,
        name: input.name,
        unit_id: unitId,
        method: "staff",
        checked_in_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "meeting.attendance_recorded",
        objectType: "meeting",
        objectId: id,
        stationId: meeting.station_id,
        after: { userId: input.userId ?? null, name: input.name, unitId, method: "staff" },
      });
      return { row: (await this.repo.findAttendanceById(trx, attendanceId))!, created: true };
    });
    return { attendance: presentAttendance(result.row), created: result.created };
  }

  async addResolution(user: SessionUser, id: number, input: z.output<typeof resolutionCreateSchema>, actor: Actor): Promise<ActionItem> {
    const now = this.clock.now();
    if (input.dueDate < stationDate(now)) throw fail("action_item.due_in_past", [{ field: "dueDate" }]);
    const itemId = await this.db.transaction().execute(async (trx) => {
      const meeting = await this.visible(user, id, trx);
      if (!takesResolutions(meeting.status)) throw fail("meeting.not_held", [{ field: "status" }]);
      const [unit] = await this.repo.units([input.ownerUnitId], trx);
      if (!unit || unit.station_id !== meeting.station_id) throw fail("record.not_found", [{ field: "ownerUnitId" }]);
      const newId = await this.repo.insertActionItem(trx, {
        meeting_id: id,
        station_id: meeting.station_id,
        text: input.text,
        owner_unit_id: unit.id,
        due_date: input.dueDate,
        status: "open",
        note: null,
        done_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "action_item.created",
        objectType: "action_item",
        objectId: newId,
        stationId: meeting.station_id,
        after: { meetingId: id, text: input.text, ownerUnitId: unit.id, dueDate: input.dueDate },
      });
      return newId;
    });
    return presentActionItem((await this.repo.findActionItem(itemId))!, now);
  }

  async listActionItems(user: SessionUser, query: z.output<typeof actionItemListQuery>) {
    const own = this.unitOf(user);
    const now = this.clock.now();
    const today = stationDate(now);
    const { rows, total, totalCapped } = await this.repo.listActionItems(
      {
        stationIds: stationFilter(user, query.stationId),
        // Unit accounts see their own unit's items whatever they ask for.
        unitId: own ?? query.unitId,
        status: query.status,
        overdueBefore: query.overdue === "true" ? today : undefined,
        notOverdueFrom: query.overdue === "false" ? today : undefined,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize, sort: query.sort, order: query.order },
    );
    return pageAnswer(
      rows.map((r) => presentActionItem(r, now)),
      { total, totalCapped },
      query,
    );
  }

  private async visibleActionItem(user: SessionUser, id: number, db: Db = this.db) {
    const row = await this.repo.findActionItem(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    const own = this.unitOf(user);
    if (own !== undefined && own !== row.owner_unit_id) throw notFound();
    return row;
  }

  async getActionItem(user: SessionUser, id: number): Promise<ActionItem> {
    return presentActionItem(await this.visibleActionItem(user, id), this.clock.now());
  }

  async updateActionItem(user: SessionUser, id: number, input: z.output<typeof actionItemUpdateSchema>, actor: Actor): Promise<ActionItem> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleActionItem(user, id, trx);
      const step = nextActionItemStatus(row.status, input.status);
      if (!step.ok) throw fail(step.refusal, [{ field: "status" }]);
      const at = now.toISOString();
      const values = {
        status: step.status,
        note: input.note ?? row.note,
        done_at: step.status === "done" ? at : null,
        updated_at: at,
      };
      if (!(await this.repo.updateActionItem(trx, id, input.version, values))) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: step.status === row.status ? "action_item.noted" : `action_item.${step.status}`,
        objectType: "action_item",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status, note: row.note },
        after: { status: step.status, note: values.note },
      });
    });
    return this.getActionItem(user, id);
  }

  /** Per unit and period (station dates, inclusive): held meetings invited to and attended, action items and done. */
  async unitStats(stationIds: number[] | null, from?: string, to?: string) {
    const fromIso = from ? stationDayStart(from).toISOString() : undefined;
    const toIso = to ? stationDayEnd(to).toISOString() : undefined;
    const [meetings, items] = await Promise.all([
      this.repo.unitMeetingStats(stationIds, fromIso, toIso),
      this.repo.unitActionItemStats(stationIds, fromIso, toIso),
    ]);
    return { meetings, items };
  }
}
