// Reading the counter's requests: one with its timeline, the lists (staff, a department, the applicant's own),
// the export sheet, the counter's day (expected, queue, at the window, finished, who is on duty) and the figures.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { shiftMonth, stationDate } from "../../../contracts/calendar.ts";
import type {
  CounterDay,
  CounterFigures,
  counterDayQuery,
  counterFiguresQuery,
  RequestStatus,
  requestListQuery,
  ServiceRequestDetail,
} from "../../../contracts/counter.ts";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import type { ShiftPlaces } from "../duty/shift-places.service.ts";
import { reachOf, sees, stationFor } from "./counter.access.ts";
import { presentDetail, presentExportRow, presentFigures, presentRequest } from "./counter.presenter.ts";
import type { CounterRepository, RequestFilter, RequestRow } from "./counter.repository.ts";

type Db = Kysely<DB> | Transaction<DB>;
type RequestQuery = z.output<typeof requestListQuery>;

export class CounterRequestsService {
  private readonly repo: CounterRepository;
  private readonly vault: Vault;
  private readonly places: ShiftPlaces;
  private readonly clock: Clock;

  constructor(repo: CounterRepository, vault: Vault, places: ShiftPlaces, clock: Clock) {
    this.repo = repo;
    this.vault = vault;
    this.places = places;
    this.clock = clock;
  }

  /** A request with its timeline, as of `now` (the instant of the operation that just changed it). */
  async detail(id: number, now: Date, db?: Db): Promise<ServiceRequestDetail> {
    const row = await this.repo.findRequest(id, db);
    if (!row) throw notFound();
    return this.withTimeline(row, now, db);
  }

  private async withTimeline(row: RequestRow, now: Date, db?: Db): Promise<ServiceRequestDetail> {
    return presentDetail(row, await this.repo.events(row.id, db), this.vault, stationDate(now));
  }

  async getRequest(user: SessionUser, id: number) {
    const now = this.clock.now();
    const row = await this.repo.findRequest(id);
    if (!row || !sees(user, row)) throw notFound();
    return this.withTimeline(row, now);
  }

  private filterOf(user: SessionUser, query: Partial<RequestQuery>, today: string): RequestFilter {
    const reach = reachOf(user);
    return {
      ...reach,
      stationIds: query.stationId !== undefined ? stationFilter(user, query.stationId) : reach.stationIds,
      status: query.status,
      itemId: query.itemId,
      unitId: query.unitId,
      channel: query.channel,
      from: query.from,
      to: query.to,
      overdueOn: query.overdue === "true" ? today : undefined,
      q: query.q,
    };
  }

  async listRequests(user: SessionUser, query: RequestQuery) {
    const today = stationDate(this.clock.now());
    const { rows, total, totalCapped } = await this.repo.listRequests(this.filterOf(user, query, today), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return pageAnswer(
      rows.map((r) => presentRequest(r, this.vault, today)),
      { total, totalCapped },
      query,
    );
  }

  async myRequests(user: SessionUser, query: RequestQuery) {
    const today = stationDate(this.clock.now());
    const { rows, total, totalCapped } = await this.repo.listRequests(
      { stationIds: user.stationIds, applicantUserId: user.id, status: query.status },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return pageAnswer(
      rows.map((r) => presentRequest(r, this.vault, today)),
      { total, totalCapped },
      query,
    );
  }

  async *exportRows(user: SessionUser, query: Partial<RequestQuery>) {
    const today = stationDate(this.clock.now());
    for await (const rows of this.repo.iterateRequests(this.filterOf(user, query, today))) {
      yield rows.map((row) => presentExportRow(row, this.vault, today));
    }
  }

  async counterDay(user: SessionUser, query: z.output<typeof counterDayQuery>): Promise<CounterDay> {
    const stationId = stationFor(user, query.stationId);
    const today = stationDate(this.clock.now());
    const rows = await this.repo.listAll({ ...reachOf(user), stationIds: [stationId], date: today });
    const present = (statuses: RequestStatus[]) =>
      rows.filter((r) => statuses.includes(r.status)).map((r) => presentRequest(r, this.vault, today));
    return {
      date: today,
      stationId,
      expected: present(["booked"]),
      queue: present(["waiting"]),
      handling: present(["handling"]),
      finished: present(["done", "forwarded", "cancelled"]).sort((a, b) => (a.queueNo ?? 0) - (b.queueNo ?? 0)),
      onDuty: await this.places.onDuty(stationId, today),
    };
  }

  /** Today at the caller's stations: numbers waiting in the queue and bookings still to check in. */
  async todayCounts(user: SessionUser, stationId: number | undefined): Promise<{ date: string; waiting: number; booked: number }> {
    const date = stationDate(this.clock.now());
    const filter: RequestFilter = { ...this.filterOf(user, { stationId }, date), date };
    const [waiting, booked] = await Promise.all([
      this.repo.countOf({ ...filter, status: "waiting" }),
      this.repo.countOf({ ...filter, status: "booked" }),
    ]);
    return { date, waiting, booked };
  }

  /** Requests made for days between `from` and `to` (station dates) at the stations asked for, as far as the caller reaches. */
  countBetween(user: SessionUser, stationId: number | undefined, from: string, to: string): Promise<number> {
    return this.repo.countOf({ ...this.filterOf(user, { stationId }, stationDate(this.clock.now())), from, to });
  }

  /** Requests by month, forwarded ones on time, the five hearts: by default the twelve months up to `to`. */
  async figures(user: SessionUser, query: z.output<typeof counterFiguresQuery>): Promise<CounterFigures> {
    const today = stationDate(this.clock.now());
    const to = query.to ?? today;
    const from = query.from ?? `${shiftMonth(to.slice(0, 7), -11)}-01`;
    const filter: RequestFilter = { ...this.filterOf(user, { stationId: query.stationId }, today), from, to };
    const [months, forwarded, byUnit] = await Promise.all([
      this.repo.monthly(filter),
      this.repo.forwardedOf(filter),
      this.repo.heartsByUnit(filter),
    ]);
    return presentFigures({ from, to, today }, months, forwarded, byUnit);
  }
}
