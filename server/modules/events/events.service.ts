// Events: the console's list and detail, creating an event with its kind's fields, its life cycle, visitor counts
// with their method and recorder, photos with their EXIF time, merchants' takings for a promotion and the uplift
// computed from them; on the phone, upcoming events with sign-up and a participating merchant's promotions.
// The stage, environment rounds and figures are sections of their own (stage.service.ts, environment.service.ts,
// event-figures.service.ts), reached through this service.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { monthRange, stationDate, stationDayBounds } from "../../../contracts/calendar.ts";
import type { EventsErrorId } from "../../../contracts/errors-events.ts";
import type {
  countCreateSchema,
  EventDetail,
  eventCreateSchema,
  eventListQuery,
  eventTransitionSchema,
  eventUpdateSchema,
  photoAttachSchema,
  takingsCreateSchema,
} from "../../../contracts/events.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, type MessageParams, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { EnvironmentService } from "./environment.service.ts";
import { EventFiguresService } from "./event-figures.service.ts";
import { exifTakenAt } from "./events.exif.ts";
import { list, presentCount, presentPhoto, presentSummary, presentTakings } from "./events.presenter.ts";
import { type Db, EventsRepository } from "./events.repository.ts";
import { upliftOfRows } from "./events.uplift.ts";
import {
  baselineDatesOf,
  countVisitors,
  dayFigures,
  eventEditable,
  eventStep,
  outsideWindow,
  signupWithdrawal,
} from "./events.workflow.ts";
import { type NightMarketOpenings, StageService } from "./stage.service.ts";

export const refuse = (id: EventsErrorId, field?: string, params: MessageParams = {}) =>
  new AppError(id, field ? [{ field }] : undefined, params);

type EventRow = NonNullable<Awaited<ReturnType<EventsRepository["event"]>>>;

export class EventsService {
  readonly repo: EventsRepository;
  readonly stage: StageService;
  readonly environment: EnvironmentService;
  readonly figures: EventFiguresService;
  private readonly db: Kysely<DB>;
  private readonly files: FilesService;
  private readonly clock: Clock;

  constructor(
    db: Kysely<DB>,
    deps: { files: FilesService; problems: ProblemsService; nightMarketOpenings?: NightMarketOpenings },
    clock: Clock,
  ) {
    this.db = db;
    this.repo = new EventsRepository(db);
    this.files = deps.files;
    this.clock = clock;
    this.stage = new StageService(db, this.repo, clock, deps.nightMarketOpenings);
    this.environment = new EnvironmentService(db, this.repo, { files: deps.files, problems: deps.problems }, clock);
    this.figures = new EventFiguresService(this.repo, clock);
    deps.files.allowReaders("event", async (user, id) => {
      const e = await this.repo.event(id);
      return e !== undefined && reachesStation(user, e.station_id);
    });
  }

  private async visible(user: SessionUser, id: number, db: Db = this.db): Promise<EventRow> {
    const e = await this.repo.event(id, db);
    if (!e || !reachesStation(user, e.station_id)) throw notFound();
    return e;
  }

  async list(user: SessionUser, query: z.output<typeof eventListQuery>) {
    // A month (the figures' links) is its first to its last day; otherwise the dates given.
    const range = query.month ? monthRange(query.month) : { from: query.from, to: query.to };
    const from = query.month ? range.from : query.from;
    const to = range.to ? stationDayBounds(range.to)[1] : undefined;
    const { rows, total } = await this.repo.listEvents(
      {
        stationIds: stationFilter(user, query.stationId),
        kind: query.kind,
        status: query.status,
        theme: query.theme,
        q: query.q,
        from: from ? stationDayBounds(from)[0] : undefined,
        to,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      query.order === "asc" && query.sort === "startsAt" ? "asc" : "desc",
    );
    return { items: await this.summaries(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Summaries with their sign-ups, photos and visitor figure (the best method over the event's own days). */
  async summaries(rows: EventRow[]) {
    const ids = rows.map((r) => r.id);
    const [signups, photos, counts] = await Promise.all([this.repo.signupCounts(ids), this.repo.photoCounts(ids), this.repo.countsOf(ids)]);
    return rows.map((e) => {
      const own = counts.filter((c) => c.event_id === e.id && c.day_role !== "baseline");
      const figures = dayFigures(
        own.map((c) => ({ date: c.date, dayRole: c.day_role, method: c.method, visitors: c.visitors, recordedBy: c.recorded_by_name })),
      );
      const methods = [...new Set(figures.map((f) => f.method))];
      return presentSummary(e, {
        signups: signups.get(e.id) ?? 0,
        photos: photos.get(e.id) ?? 0,
        visitors: figures.length ? figures.reduce((s, f) => s + f.visitors, 0) : null,
        visitorsMethod: methods.length === 1 ? methods[0] : methods.length ? figures[0].method : null,
      });
    });
  }

  async detail(user: SessionUser, id: number): Promise<EventDetail> {
    const e = await this.visible(user, id);
    const [summary] = await this.summaries([e]);
    const counts = await this.repo.countsOf([id]);
    const takings = await this.repo.takingsOf([id]);
    const photos = await this.repo.photosOf(id);
    const names = async (table: "alliance_units" | "merchants" | "cultural_teams", text: string) =>
      (await this.repo.namesOf(table, list<number>(text))).map((r) => ({ id: r.id, name: r.name }));
    const project = e.project_id ? await this.repo.project(e.project_id) : undefined;
    const figures = dayFigures(
      counts.map((c) => ({ date: c.date, dayRole: c.day_role, method: c.method, visitors: c.visitors, recordedBy: c.recorded_by_name })),
    );
    const rounds = await this.environment.roundCountOf(id);
    return {
      ...summary,
      version: e.version,
      description: e.description,
      organiserUnits: await names("alliance_units", e.organiser_unit_ids),
      organiserTeams: await names("cultural_teams", e.organiser_team_ids),
      units: await names("alliance_units", e.unit_ids),
      merchants: await names("merchants", e.merchant_ids),
      budgetNote: e.budget_note,
      projectId: e.project_id,
      projectName: project?.name ?? null,
      holiday: e.holiday,
      baselineKind: e.baseline_kind,
      promotionDates: list<string>(e.promotion_dates),
      baselineDates: list<string>(e.baseline_dates),
      programme: e.programme,
      audienceGroup: e.audience_group,
      campaignKind: e.campaign_kind,
      signupCapacity: e.signup_capacity,
      approvedAt: e.approved_at,
      heldAt: e.held_at,
      reportedAt: e.reported_at,
      reportSummary: e.report_summary,
      counts: counts.map(presentCount),
      figures,
      photoList: photos.map(presentPhoto),
      takings: takings.map(presentTakings),
      uplift: e.kind === "promotion" ? upliftOfRows(e, figures, takings) : null,
      rounds,
    };
  }

  /**
   * An event's own fields from a form (creation or an edit), checked alike: the window, the units, teams and
   * merchants of the station, the project, a promotion's baseline; the kind's fields kept, the others cleared.
   */
  private async fieldsOf(stationId: number, input: Omit<z.output<typeof eventCreateSchema>, "stationId">) {
    if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) throw refuse("event.bad_window", "endsAt");
    const startsAt = new Date(input.startsAt).toISOString();
    const endsAt = new Date(input.endsAt).toISOString();
    const checkIds = async (table: "alliance_units" | "merchants" | "cultural_teams", ids: number[], id: EventsErrorId, field: string) => {
      const unique = [...new Set(ids)];
      const found = await this.repo.namesOf(table, unique);
      if (found.length !== unique.length || found.some((r) => r.station_id !== stationId)) throw refuse(id, field);
      return unique;
    };
    const organiserUnitIds = await checkIds("alliance_units", input.organiserUnitIds, "event.bad_unit", "organiserUnitIds");
    const unitIds = await checkIds("alliance_units", input.unitIds, "event.bad_unit", "unitIds");
    const organiserTeamIds = await checkIds("cultural_teams", input.organiserTeamIds, "event.bad_team", "organiserTeamIds");
    const merchantIds = await checkIds("merchants", input.merchantIds, "event.bad_merchant", "merchantIds");
    if (input.projectId) {
      const p = await this.repo.project(input.projectId);
      if (!p || p.station_id !== stationId) throw refuse("event.bad_project", "projectId");
    }
    let promotionDates: string[] | null = null;
    let baselineDates: string[] | null = null;
    if (input.kind === "promotion") {
      if (!input.baselineKind) throw refuse("event.promotion_fields", "baselineKind");
      promotionDates = [...new Set(input.promotionDates ?? [])].sort();
      if (!promotionDates.length) throw refuse("event.promotion_fields", "promotionDates");
      if (input.baselineKind === "same_holiday_last_year" && !(input.baselineDates ?? []).length)
        throw refuse("event.baseline_dates", "baselineDates");
      baselineDates = baselineDatesOf(input.baselineKind, promotionDates, input.baselineDates ?? null);
    }
    const themes = [...new Set(input.themes)];
    return {
      values: {
        kind: input.kind,
        title: input.title,
        description: input.description,
        themes: JSON.stringify(themes),
        place: input.place,
        starts_at: startsAt,
        ends_at: endsAt,
        organiser_unit_ids: JSON.stringify(organiserUnitIds),
        organiser_team_ids: JSON.stringify(organiserTeamIds),
        unit_ids: JSON.stringify(unitIds),
        merchant_ids: JSON.stringify(merchantIds),
        budget_fen: input.budgetFen ?? null,
        budget_note: input.budgetNote,
        project_id: input.projectId ?? null,
        holiday: input.kind === "promotion" ? input.holiday : null,
        baseline_kind: input.kind === "promotion" ? (input.baselineKind ?? null) : null,
        promotion_dates: promotionDates ? JSON.stringify(promotionDates) : null,
        baseline_dates: baselineDates ? JSON.stringify(baselineDates) : null,
        programme: input.kind === "performance" || input.kind === "publicity" ? input.programme : null,
        audience_group: input.kind === "performance" || input.kind === "publicity" ? input.audienceGroup : null,
        campaign_kind: input.kind === "environment" ? (input.campaignKind ?? "sanitation") : null,
        takes_signups: input.takesSignups ? 1 : 0,
        signup_capacity: input.takesSignups ? (input.signupCapacity ?? null) : null,
      },
      audit: { kind: input.kind, title: input.title, startsAt, endsAt, themes, merchantIds, baselineDates, promotionDates },
    };
  }

  async create(user: SessionUser, input: z.output<typeof eventCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    const { values, audit } = await this.fieldsOf(stationId, input);
    const id = await this.db.transaction().execute(async (trx) => {
      const eventId = await this.repo.insertEvent(trx, {
        station_id: stationId,
        ...values,
        status: "planned",
        approved_at: null,
        approved_by_user_id: null,
        held_at: null,
        reported_at: null,
        report_summary: null,
        cancelled_at: null,
        created_by_user_id: user.id,
        created_at: at,
        updated_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "event.created",
        objectType: "event",
        objectId: eventId,
        stationId,
        after: audit,
      });
      return eventId;
    });
    return this.detail(user, id);
  }

  /**
   * An edit of a planned or approved event with the version the editor read, checked as creation is; the audit
   * entry keeps the fields before and after.
   */
  async update(user: SessionUser, id: number, input: z.output<typeof eventUpdateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const current = await this.visible(user, id);
    const { version, ...fields } = input;
    const { values } = await this.fieldsOf(current.station_id, fields);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockEvent(trx, id, at);
      const e = await this.visible(user, id, trx);
      const editable = eventEditable(e.status);
      if (!editable.ok) throw refuse(editable.id, editable.field, editable.params);
      if (e.version !== version) throw refuse("event.stale_version", "version");
      // Places already taken stay taken: no fewer places than sign-ups, and sign-ups stay on while anyone holds one.
      const signedUp = await this.repo.liveSignups(id, trx);
      if (signedUp > 0 && values.takes_signups !== 1) throw refuse("event.signups_held", "takesSignups", { count: signedUp });
      if (values.signup_capacity !== null && values.signup_capacity !== undefined && values.signup_capacity < signedUp)
        throw refuse("event.capacity_below_signups", "signupCapacity", { count: signedUp });
      if (!(await this.repo.updateEventAt(trx, id, version, { ...values, updated_at: at }))) throw refuse("event.stale_version", "version");
      const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => e[k] !== values[k]);
      await appendAudit(trx, actor, {
        at: now,
        action: "event.updated",
        objectType: "event",
        objectId: id,
        stationId: e.station_id,
        before: { version: e.version, ...Object.fromEntries(changed.map((k) => [k, e[k]])) },
        after: { version: e.version + 1, ...Object.fromEntries(changed.map((k) => [k, values[k]])) },
      });
    });
    return this.detail(user, id);
  }

  async transition(user: SessionUser, id: number, input: z.output<typeof eventTransitionSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockEvent(trx, id, at);
      const e = await this.visible(user, id, trx);
      const step = eventStep({ status: e.status, endsAt: e.ends_at }, input.to, now);
      if (!step.ok) throw refuse(step.id, step.field, step.params);
      const values =
        input.to === "approved"
          ? { approved_at: at, approved_by_user_id: user.id }
          : input.to === "held"
            ? { held_at: at }
            : input.to === "reported"
              ? { reported_at: at, report_summary: input.summary }
              : { cancelled_at: at };
      await this.repo.updateEvent(trx, id, { status: step.value, updated_at: at, ...values });
      await appendAudit(trx, actor, {
        at: now,
        action: `event.${input.to}`,
        objectType: "event",
        objectId: id,
        stationId: e.station_id,
        before: { status: e.status },
        after: { status: step.value, summary: input.summary },
      });
    });
    return this.detail(user, id);
  }

  async addCount(user: SessionUser, id: number, input: z.output<typeof countCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const e = await this.visible(user, id);
    const visitors = countVisitors(input);
    if (!visitors.ok) throw refuse(visitors.id, visitors.field);
    const eventDays = new Set([stationDate(e.starts_at), stationDate(e.ends_at), ...list<string>(e.promotion_dates)]);
    const baseline = new Set(list<string>(e.baseline_dates));
    const inWindow = input.date >= stationDate(e.starts_at) && input.date <= stationDate(e.ends_at);
    const dayRole = baseline.has(input.date) ? "baseline" : e.kind === "promotion" ? "promotion" : "event";
    if (!baseline.has(input.date) && !inWindow && !eventDays.has(input.date)) throw refuse("event.count_day", "date");
    if (input.date > stationDate(now)) throw refuse("event.count_day", "date");
    const countId = await this.db.transaction().execute(async (trx) => {
      let cid: number;
      try {
        cid = await this.repo.insertCount(trx, {
          event_id: id,
          date: input.date,
          day_role: dayRole,
          method: input.method,
          entrance: input.method === "gates" ? input.entrance : null,
          entries: input.method === "gates" ? (input.entries ?? null) : null,
          re_entries: input.method === "gates" ? (input.reEntries ?? 0) : null,
          exits: input.method === "gates" ? (input.exits ?? null) : null,
          visitors: visitors.value,
          note: input.note,
          recorded_by_user_id: user.id,
          recorded_by_name: user.displayName,
          recorded_at: now.toISOString(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("event.count_exists", input.method === "gates" ? "entrance" : "method");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "event_count.recorded",
        objectType: "event",
        objectId: id,
        stationId: e.station_id,
        after: {
          countId: cid,
          date: input.date,
          dayRole,
          method: input.method,
          entrance: input.entrance,
          entries: input.entries,
          reEntries: input.reEntries,
          exits: input.exits,
          visitors: visitors.value,
        },
      });
      return cid;
    });
    void countId;
    return this.detail(user, id);
  }

  /** A photo uploaded through /api/files: its EXIF time read from its bytes, flagged when outside the window. */
  async addPhoto(user: SessionUser, id: number, input: z.output<typeof photoAttachSchema>, actor: Actor) {
    const now = this.clock.now();
    const e = await this.visible(user, id);
    let bytes: Buffer;
    try {
      bytes = (await this.files.read(user, input.fileId)).data;
    } catch {
      throw new AppError("file.not_found", [{ field: "fileId" }]);
    }
    const takenAt = exifTakenAt(bytes);
    const flagged = outsideWindow(takenAt, { start: e.starts_at, end: e.ends_at });
    await this.db.transaction().execute(async (trx) => {
      await this.files.attach(trx, [input.fileId], user.id, `event:${id}`, "fileId");
      let photoId: number;
      try {
        photoId = await this.repo.insertPhoto(trx, {
          event_id: id,
          file_id: input.fileId,
          taken_at: takenAt,
          outside_window: flagged ? 1 : 0,
          caption: input.caption,
          uploaded_by_user_id: user.id,
          created_at: now.toISOString(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("event.photo_used", "fileId");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "event_photo.added",
        objectType: "event",
        objectId: id,
        stationId: e.station_id,
        after: { photoId, fileId: input.fileId, takenAt, outsideWindow: flagged },
      });
    });
    return this.detail(user, id);
  }

  /** A merchant's takings for one baseline or promotion day (the merchant on the phone; staff naming the merchant). */
  async reportTakings(user: SessionUser, id: number, input: z.output<typeof takingsCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const e = await this.visible(user, id);
    const staff = can(user.role, "event.manage");
    const merchantId = staff ? input.merchantId : user.merchantId;
    if (e.kind !== "promotion") throw refuse("event.not_promotion");
    if (!merchantId || !list<number>(e.merchant_ids).includes(merchantId))
      throw refuse("event.not_taking_part", staff ? "merchantId" : undefined);
    const baseline = list<string>(e.baseline_dates);
    const promotion = list<string>(e.promotion_dates);
    const dayRole = baseline.includes(input.date) ? "baseline" : promotion.includes(input.date) ? "promotion" : null;
    if (!dayRole) throw refuse("event.not_promotion_day", "date", { date: input.date });
    if (input.date > stationDate(now)) throw refuse("event.takings_future", "date");
    await this.db.transaction().execute(async (trx) => {
      const takingsId = await this.repo.upsertTakings(trx, {
        event_id: id,
        merchant_id: merchantId,
        date: input.date,
        day_role: dayRole,
        amount_fen: input.amountFen,
        reported_by_user_id: user.id,
        reported_by_name: user.displayName,
        reported_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "event_takings.reported",
        objectType: "event",
        objectId: id,
        stationId: e.station_id,
        after: { takingsId, merchantId, date: input.date, dayRole, amountFen: input.amountFen },
      });
    });
    return this.myPromotion(e, merchantId);
  }

  private async myPromotion(
    e: Pick<
      EventRow,
      "id" | "title" | "holiday" | "starts_at" | "ends_at" | "baseline_dates" | "promotion_dates" | "baseline_kind" | "status"
    >,
    merchantId: number,
  ) {
    const takings = (await this.repo.takingsOf([e.id])).filter((t) => t.merchant_id === merchantId);
    return {
      id: e.id,
      title: e.title,
      holiday: e.holiday,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      status: e.status,
      baselineKind: e.baseline_kind,
      baselineDates: list<string>(e.baseline_dates),
      promotionDates: list<string>(e.promotion_dates),
      takings: takings.map(presentTakings),
    };
  }

  // the phone

  private stationOf(user: SessionUser) {
    if (user.stationIds?.length) return user.stationIds[0];
    return user.orgUnitId;
  }

  async upcoming(user: SessionUser) {
    const now = this.clock.now();
    const rows = await this.repo.upcoming(this.stationOf(user), now.toISOString());
    const visible = rows.filter((r) => r.status === "approved");
    const mine = await this.repo.mySignups(
      user.id,
      visible.map((r) => r.id),
    );
    const signups = await this.repo.signupCounts(visible.map((r) => r.id));
    return visible.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      themes: list<string>(e.themes),
      place: e.place,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      description: e.description,
      takesSignups: e.takes_signups === 1,
      signupCapacity: e.signup_capacity,
      signups: signups.get(e.id) ?? 0,
      signedUp: mine.has(e.id),
      open: e.takes_signups === 1 && Date.parse(e.starts_at) > now.getTime(),
    }));
  }

  async signUp(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockEvent(trx, id, at);
      const e = await this.visible(user, id, trx);
      if (e.takes_signups !== 1) throw refuse("event.no_signups");
      if (e.status !== "approved" || Date.parse(e.starts_at) <= now.getTime()) throw refuse("event.signup_closed");
      const taken = await this.repo.liveSignups(id, trx);
      if (e.signup_capacity !== null && taken >= e.signup_capacity) throw refuse("event.full", undefined, { capacity: e.signup_capacity });
      let signupId: number;
      try {
        signupId = await this.repo.insertSignup(trx, { event_id: id, user_id: user.id, name: user.displayName, signed_up_at: at });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("event.already_signed_up");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "event.signed_up",
        objectType: "event",
        objectId: id,
        stationId: e.station_id,
        after: { signupId },
      });
    });
    return (await this.upcoming(user)).find((e) => e.id === id) ?? null;
  }

  /** Withdraws my sign-up before the event starts; the place is free again for someone else. */
  async withdraw(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.lockEvent(trx, id, at);
      const e = await this.visible(user, id, trx);
      const signup = await this.repo.liveSignupOf(id, user.id, trx);
      const step = signupWithdrawal({ startsAt: e.starts_at }, signup !== undefined, now);
      if (!step.ok) throw refuse(step.id, step.field, step.params);
      if (!signup || !(await this.repo.withdrawSignup(trx, signup.id, at))) throw refuse("event.not_signed_up");
      await appendAudit(trx, actor, {
        at: now,
        action: "event.signup_withdrawn",
        objectType: "event",
        objectId: id,
        stationId: e.station_id,
        before: { signupId: signup.id, status: "signed_up" },
        after: { signupId: signup.id, status: "withdrawn" },
      });
    });
    return (await this.upcoming(user)).find((e) => e.id === id) ?? null;
  }

  async myPromotions(user: SessionUser) {
    if (!user.merchantId) return [];
    const rows = await this.repo.promotionsOfMerchant(this.stationOf(user), user.merchantId);
    const out = [];
    for (const e of rows) out.push(await this.myPromotion(e, user.merchantId));
    return out;
  }
}
