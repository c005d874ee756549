// The people's stage (百姓大舞台): venues with their bookable hours and blocked periods; cultural teams and their
// members; bookings requested by teams and units (a rehearsal may repeat by a rule of contracts/schedule.ts) and
// approved or refused by the station; performances with team, theme and audience. A booking is refused when it falls
// outside the venue's hours, overlaps a blocked period, another live booking or the night market's opening hours.
// The venue's row is taken first, and the half-hour slots a live booking holds are a primary key: of simultaneous
// requests for one slot, exactly one is written.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { addDays, daysBetween, stationDate, stationDayBounds } from "../../../contracts/calendar.ts";
import type { EventsErrorId } from "../../../contracts/errors-events.ts";
import type {
  BookingStatus,
  blockCreateSchema,
  bookingCancelSchema,
  bookingCreateSchema,
  bookingDecisionSchema,
  bookingListQuery,
  memberCreateSchema,
  performanceCreateSchema,
  performanceListQuery,
  teamCreateSchema,
  venueCreateSchema,
} from "../../../contracts/events.ts";
import { expandRule } from "../../../contracts/schedule.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, type MessageParams, notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { list } from "./events.presenter.ts";
import type { EventsRepository } from "./events.repository.ts";
import {
  bookingStep,
  bookingWindow,
  holdsSlots,
  type Outcome,
  overlaps,
  slotsOf,
  teamCancellation,
  type Window,
  windowParams,
} from "./events.workflow.ts";

/** The night market's opening windows in a period (the night-market module provides it; absent, nothing conflicts). */
export type NightMarketOpenings = (
  stationId: number,
  fromIso: string,
  toIso: string,
) => Promise<{ start: string; end: string; label: string }[]>;

const refuse = (id: EventsErrorId, field?: string, params: MessageParams = {}) => new AppError(id, field ? [{ field }] : undefined, params);

const MAX_REPEATS = 120;

type BookingRecord = NonNullable<Awaited<ReturnType<EventsRepository["booking"]>>>;
type BookingRow = Awaited<ReturnType<EventsRepository["listBookings"]>>["rows"][number];

export const presentBooking = (b: BookingRow) => ({
  id: b.id,
  stationId: b.station_id,
  venueId: b.venue_id,
  venueName: b.venue_name,
  teamId: b.team_id,
  teamName: b.team_name,
  unitId: b.unit_id,
  unitName: b.unit_name,
  purpose: b.purpose,
  title: b.title,
  startsAt: b.starts_at,
  endsAt: b.ends_at,
  date: stationDate(b.starts_at),
  seriesKey: b.series_key,
  status: b.status,
  decisionNote: b.decision_note,
  decidedAt: b.decided_at,
  createdAt: b.created_at,
});

export class StageService {
  private readonly db: Kysely<DB>;
  private readonly repo: EventsRepository;
  private readonly clock: Clock;
  private readonly nightMarketOpenings?: NightMarketOpenings;

  constructor(db: Kysely<DB>, repo: EventsRepository, clock: Clock, nightMarketOpenings?: NightMarketOpenings) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
    this.nightMarketOpenings = nightMarketOpenings;
  }

  // venues

  async venues(user: SessionUser, stationId?: number) {
    const rows = await this.repo.venues(stationFilter(user, stationId));
    const now = this.clock.now().toISOString();
    const blocks = await this.repo.blocks(
      rows.map((r) => r.id),
      now,
    );
    return rows.map((v) => ({
      id: v.id,
      stationId: v.station_id,
      name: v.name,
      place: v.place,
      openFrom: v.open_from,
      openTo: v.open_to,
      openWeekdays: list<number>(v.open_weekdays),
      fundingNote: v.funding_note,
      budgetFen: v.budget_fen,
      blocks: blocks
        .filter((b) => b.venue_id === v.id)
        .map((b) => ({ id: b.id, startsAt: b.starts_at, endsAt: b.ends_at, reason: b.reason })),
    }));
  }

  async createVenue(user: SessionUser, input: z.output<typeof venueCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    if (input.openTo <= input.openFrom) throw refuse("stage.bad_window", "openTo");
    const id = await this.db.transaction().execute(async (trx) => {
      let venueId: number;
      try {
        venueId = await this.repo.insertVenue(trx, {
          station_id: stationId,
          name: input.name,
          place: input.place,
          open_from: input.openFrom,
          open_to: input.openTo,
          open_weekdays: JSON.stringify([...new Set(input.openWeekdays)].sort()),
          funding_note: input.fundingNote,
          budget_fen: input.budgetFen ?? null,
          created_at: at,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("stage.venue_name_taken", "name");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "stage_venue.created",
        objectType: "stage_venue",
        objectId: venueId,
        stationId,
        after: input,
      });
      return venueId;
    });
    return (await this.venues(user)).find((v) => v.id === id);
  }

  private async venueOf(user: SessionUser, id: number) {
    const v = await this.repo.venue(id);
    if (!v || !reachesStation(user, v.station_id)) throw refuse("stage.bad_venue", "venueId");
    return v;
  }

  async addBlock(user: SessionUser, venueId: number, input: z.output<typeof blockCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const v = await this.repo.venue(venueId);
    if (!v || !reachesStation(user, v.station_id)) throw notFound();
    if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) throw refuse("stage.bad_window", "endsAt");
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockVenue(trx, venueId, now.toISOString());
      const blockId = await this.repo.insertBlock(trx, {
        venue_id: venueId,
        starts_at: new Date(input.startsAt).toISOString(),
        ends_at: new Date(input.endsAt).toISOString(),
        reason: input.reason,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "stage_block.created",
        objectType: "stage_venue",
        objectId: venueId,
        stationId: v.station_id,
        after: { blockId, ...input },
      });
    });
    return (await this.venues(user)).find((x) => x.id === venueId);
  }

  // teams

  async teams(user: SessionUser, stationId?: number) {
    return (await this.repo.teams(stationFilter(user, stationId))).map((t) => ({
      id: t.id,
      stationId: t.station_id,
      name: t.name,
      description: t.description,
      unitId: t.unit_id,
      unitName: t.unit_name,
      leaderUserId: t.leader_user_id,
      leaderName: t.leader_name,
      members: t.members.map((m) => ({
        id: m.id,
        memberKind: m.member_kind,
        residentId: m.resident_id,
        merchantId: m.merchant_id,
        name: m.name,
        role: m.role,
        joinedAt: m.joined_at,
      })),
    }));
  }

  async createTeam(user: SessionUser, input: z.output<typeof teamCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    if (input.unitId) {
      const u = await this.repo.unit(input.unitId);
      if (!u || u.station_id !== stationId) throw refuse("event.bad_unit", "unitId");
    }
    const id = await this.db.transaction().execute(async (trx) => {
      let teamId: number;
      try {
        teamId = await this.repo.insertTeam(trx, {
          station_id: stationId,
          name: input.name,
          description: input.description,
          unit_id: input.unitId ?? null,
          leader_user_id: input.leaderUserId ?? null,
          created_at: at,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("stage.team_name_taken", "name");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "cultural_team.created",
        objectType: "cultural_team",
        objectId: teamId,
        stationId,
        after: input,
      });
      return teamId;
    });
    return (await this.teams(user)).find((t) => t.id === id);
  }

  async addMember(user: SessionUser, teamId: number, input: z.output<typeof memberCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const team = await this.repo.team(teamId);
    if (!team || !reachesStation(user, team.station_id)) throw notFound();
    const personId = input.memberKind === "resident" ? input.residentId : input.merchantId;
    const field = input.memberKind === "resident" ? "residentId" : "merchantId";
    if (!personId) throw refuse("stage.bad_member", field);
    const person = await this.repo.person(input.memberKind, personId);
    if (!person || person.station_id !== team.station_id) throw refuse("stage.bad_member", field);
    await this.db.transaction().execute(async (trx) => {
      if (await this.repo.memberExists(teamId, input.memberKind, personId, trx)) throw refuse("stage.member_exists", field);
      const memberId = await this.repo.insertMember(trx, {
        team_id: teamId,
        member_kind: input.memberKind,
        resident_id: input.memberKind === "resident" ? personId : null,
        merchant_id: input.memberKind === "merchant" ? personId : null,
        name: person.name,
        role: input.role,
        joined_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "cultural_team.member_added",
        objectType: "cultural_team",
        objectId: teamId,
        stationId: team.station_id,
        after: { memberId, ...input },
      });
    });
    return (await this.teams(user)).find((t) => t.id === teamId);
  }

  // bookings

  async bookings(user: SessionUser, query: z.output<typeof bookingListQuery>, teamIds?: number[]) {
    const { rows, total } = await this.repo.listBookings(
      {
        stationIds: stationFilter(user, query.stationId),
        venueId: query.venueId,
        status: query.status,
        from: query.from ? stationDayBounds(query.from)[0] : undefined,
        to: query.to ? stationDayBounds(query.to)[1] : undefined,
        teamIds,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(presentBooking), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A booking request (one date, or a rehearsal repeating up to `until`): every date checked against the venue's
   * hours, blocked periods, the night market and live bookings, and all written or none.
   */
  async request(user: SessionUser, input: z.output<typeof bookingCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const venue = await this.venueOf(user, input.venueId);
    const staff = can(user.role, "event.manage");
    let teamId = input.teamId ?? null;
    if (teamId) {
      const team = await this.repo.team(teamId);
      if (!team || team.station_id !== venue.station_id) throw refuse("stage.bad_team", "teamId");
      if (!staff && team.leader_user_id !== user.id) throw refuse("stage.not_leader", "teamId");
    } else if (!staff) {
      const led = await this.repo.teamsLedBy(user.id);
      if (!led.length) throw refuse("stage.not_leader", "teamId");
      teamId = led[0].id;
    }
    if (input.unitId) {
      const u = await this.repo.unit(input.unitId);
      if (!u || u.station_id !== venue.station_id) throw refuse("event.bad_unit", "unitId");
    }
    let dates = [input.date];
    if (input.repeat) {
      if (input.repeat.until < input.date || daysBetween(input.date, input.repeat.until) > 366)
        throw refuse("stage.repeat_too_long", "repeat.until");
      dates = expandRule(input.repeat.rule, input.date, input.repeat.until);
      if (!dates.length) throw refuse("stage.repeat_empty", "repeat.rule");
      if (dates.length > MAX_REPEATS) throw refuse("stage.repeat_too_long", "repeat.until");
    }
    const hours = { openFrom: venue.open_from, openTo: venue.open_to, openWeekdays: list<number>(venue.open_weekdays) };
    const windows: Window[] = [];
    for (const date of dates) {
      const w = bookingWindow(date, input.startTime, input.endTime, hours, now);
      if (!w.ok) throw refuse(w.id, w.field, w.params);
      windows.push(w.value);
    }
    const first = windows[0].start;
    const last = windows[windows.length - 1].end;
    if (this.nightMarketOpenings) {
      const openings = await this.nightMarketOpenings(venue.station_id, first, last);
      for (const w of windows) {
        const hit = openings.find((o) => overlaps(w, o));
        if (hit) throw refuse("stage.night_market", "startTime", { ...windowParams(w), label: hit.label });
      }
    }
    const seriesKey = windows.length > 1 ? randomUUID() : null;
    const ids = await this.db.transaction().execute(async (trx) => {
      await this.repo.lockVenue(trx, venue.id, at);
      const blocks = await this.repo.blocks([venue.id], first, last, trx);
      for (const w of windows) {
        const b = blocks.find((x) => overlaps(w, { start: x.starts_at, end: x.ends_at }));
        if (b) throw refuse("stage.blocked", "date", { date: stationDate(w.start), reason: b.reason });
      }
      const live = await this.repo.liveBookingsOverlapping(venue.id, first, last, trx);
      for (const w of windows) {
        const other = live.find((x) => overlaps(w, { start: x.starts_at, end: x.ends_at }));
        if (other)
          throw refuse("stage.overlap", "startTime", {
            ...windowParams({ start: other.starts_at, end: other.ends_at }),
            title: other.title,
          });
      }
      const out: number[] = [];
      for (const w of windows) {
        const id = await this.repo.insertBooking(trx, {
          station_id: venue.station_id,
          venue_id: venue.id,
          team_id: teamId,
          unit_id: input.unitId ?? null,
          purpose: input.purpose,
          title: input.title,
          starts_at: w.start,
          ends_at: w.end,
          series_key: seriesKey,
          status: "requested",
          decision_note: null,
          requested_by_user_id: user.id,
          decided_by_user_id: null,
          decided_at: null,
          created_at: at,
          updated_at: at,
        });
        try {
          await this.repo.insertSlots(trx, venue.id, id, slotsOf(w));
        } catch (error) {
          if (isUniqueViolation(error)) throw refuse("stage.overlap", "startTime", { ...windowParams(w), title: input.title });
          throw error;
        }
        out.push(id);
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "stage_booking.requested",
        objectType: "stage_venue",
        objectId: venue.id,
        stationId: venue.station_id,
        after: {
          bookingIds: out,
          teamId,
          unitId: input.unitId,
          purpose: input.purpose,
          title: input.title,
          dates,
          startTime: input.startTime,
          endTime: input.endTime,
        },
      });
      return out;
    });
    const { rows } = await this.repo.listBookings(
      { stationIds: [venue.station_id], venueId: venue.id, from: first, to: last },
      { limit: 500, offset: 0 },
    );
    return { created: ids.length, items: rows.filter((r) => ids.includes(r.id)).map(presentBooking) };
  }

  async decide(user: SessionUser, id: number, input: z.output<typeof bookingDecisionSchema>, actor: Actor) {
    const booking = await this.repo.booking(id);
    if (!booking || !reachesStation(user, booking.station_id)) throw notFound();
    return this.settle(user, booking, input, actor, (current) => bookingStep(current.status, input.decision));
  }

  /**
   * The leader of a team cancels one of the team's bookings on the phone: a requested or approved one that has not
   * started, its half-hour slots released so the time can be booked again. Others' bookings are not found.
   */
  async cancelByTeam(user: SessionUser, id: number, input: z.output<typeof bookingCancelSchema>, actor: Actor) {
    const booking = await this.repo.booking(id);
    const led = booking?.team_id ? await this.repo.team(booking.team_id) : undefined;
    if (!booking || !led || led.leader_user_id !== user.id) throw notFound();
    return this.settle(
      user,
      booking,
      { decision: "cancel", note: input.note },
      actor,
      (current) => teamCancellation({ status: current.status, startsAt: current.starts_at }, this.clock.now()),
      { byTeamId: led.id },
    );
  }

  /** A booking's next status in one transaction: the venue taken, the step checked, slots released, the audit written. */
  private async settle(
    user: SessionUser,
    booking: BookingRecord,
    input: { decision: "approve" | "refuse" | "cancel"; note: string | null | undefined },
    actor: Actor,
    next: (current: BookingRecord) => Outcome<BookingStatus>,
    auditExtra: Record<string, unknown> = {},
  ) {
    const now = this.clock.now();
    const at = now.toISOString();
    const id = booking.id;
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockVenue(trx, booking.venue_id, at);
      const current = await this.repo.booking(id, trx);
      if (!current) throw notFound();
      const step = next(current);
      if (!step.ok) throw refuse(step.id as EventsErrorId, step.field, step.params);
      await this.repo.updateBooking(trx, id, current.status, {
        status: step.value,
        decision_note: input.note,
        decided_by_user_id: user.id,
        decided_at: at,
        updated_at: at,
      });
      if (!holdsSlots(step.value)) await this.repo.releaseSlots(trx, id);
      await appendAudit(trx, actor, {
        at: now,
        action: `stage_booking.${step.value}`,
        objectType: "stage_booking",
        objectId: id,
        stationId: booking.station_id,
        before: { status: current.status },
        after: { status: step.value, note: input.note, ...auditExtra },
      });
    });
    const { rows } = await this.repo.listBookings(
      { stationIds: [booking.station_id], venueId: booking.venue_id, from: booking.starts_at, to: booking.ends_at },
      { limit: 50, offset: 0 },
    );
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound();
    return presentBooking(row);
  }

  // performances

  async performances(user: SessionUser, query: z.output<typeof performanceListQuery>) {
    const { rows, total } = await this.repo.listPerformances(
      {
        stationIds: stationFilter(user, query.stationId),
        teamId: query.teamId,
        theme: query.theme,
        from: query.from ? stationDayBounds(query.from)[0] : undefined,
        to: query.to ? stationDayBounds(query.to)[1] : undefined,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return {
      items: rows.map((p) => ({
        id: p.id,
        venueId: p.venue_id,
        venueName: p.venue_name,
        teamId: p.team_id,
        teamName: p.team_name,
        bookingId: p.booking_id,
        eventId: p.event_id,
        title: p.title,
        theme: p.theme,
        performedAt: p.performed_at,
        audience: p.audience,
        audienceMethod: p.audience_method,
        recordedBy: p.recorded_by_name,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async logPerformance(user: SessionUser, input: z.output<typeof performanceCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const venue = await this.venueOf(user, input.venueId);
    const team = await this.repo.team(input.teamId);
    if (!team || team.station_id !== venue.station_id) throw refuse("stage.bad_team", "teamId");
    if (Date.parse(input.performedAt) > now.getTime()) throw refuse("stage.in_past", "performedAt");
    const id = await this.db.transaction().execute(async (trx) => {
      const pid = await this.repo.insertPerformance(trx, {
        station_id: venue.station_id,
        venue_id: venue.id,
        booking_id: input.bookingId ?? null,
        event_id: input.eventId ?? null,
        team_id: team.id,
        title: input.title,
        theme: input.theme,
        performed_at: new Date(input.performedAt).toISOString(),
        audience: input.audience,
        audience_method: input.audienceMethod,
        recorded_by_user_id: user.id,
        recorded_by_name: user.displayName,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "stage_performance.logged",
        objectType: "stage_performance",
        objectId: pid,
        stationId: venue.station_id,
        after: input,
      });
      return pid;
    });
    return (await this.performances(user, { page: 1, pageSize: 200, order: "asc", teamId: team.id })).items.find((p) => p.id === id);
  }

  // the phone: a team leader's stage

  async myStage(user: SessionUser) {
    const led = await this.repo.teamsLedBy(user.id);
    const stationIds = led.length ? [...new Set(led.map((t) => t.station_id))] : [];
    const venues = stationIds.length ? (await this.venues({ ...user, stationIds })).filter((v) => stationIds.includes(v.stationId)) : [];
    const today = stationDate(this.clock.now());
    const bookings = led.length
      ? (
          await this.bookings(
            { ...user, stationIds },
            { page: 1, pageSize: 100, from: addDays(today, -7) },
            led.map((t) => t.id),
          )
        ).items
      : [];
    return { teams: led.map((t) => ({ id: t.id, name: t.name })), venues, bookings };
  }
}
