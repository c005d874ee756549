// The workbench (工作台): what waits for the signed-in account, asked of each module's service (no repository of
// its own). Each figure is counted at the clock's now and carries the console list holding its records.
import { can } from "../../../contracts/access.ts";
import { monthRange, stationDate, stationMonth } from "../../../contracts/calendar.ts";
import { loanListQuery } from "../../../contracts/lending.ts";
import { problemListQuery } from "../../../contracts/problems.ts";
import type { Workbench, WorkbenchFigure, WorkbenchFigureKey } from "../../../contracts/workbench.ts";
import type { Clock } from "../../platform/clock.ts";
import { type SessionUser, scopeKind } from "../../platform/scope.ts";
import type { MealsService } from "../caring/meals.service.ts";
import type { CounterService } from "../counter/counter.service.ts";
import type { DutyService } from "../duty/duty.service.ts";
import type { LendingService } from "../lending/lending.service.ts";
import type { MerchantsService } from "../merchants/merchants.service.ts";
import type { OrgService } from "../org/org.service.ts";
import type { PartyService } from "../party/party.service.ts";
import type { ProblemsService } from "../problems/problems.service.ts";

export interface WorkbenchSources {
  org: OrgService;
  merchants: MerchantsService;
  problems: ProblemsService;
  counter: CounterService;
  meals: MealsService;
  lending: LendingService;
  party: PartyService;
  duty: DutyService;
}

/** A console path with its filter; empty values are left out. */
export function linkTo(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const figure = (key: WorkbenchFigureKey, value: number, link: string): WorkbenchFigure => ({ key, value, link });

/** Which parts of the workbench a role sees. */
export function workbenchParts(user: SessionUser): { station: boolean; party: boolean; unit: boolean; stations: boolean } {
  const role = user.role;
  return {
    station: role === "station_staff" || role === "station_admin" || role === "platform_admin",
    party: role === "branch_secretary",
    unit: scopeKind(user) === "unit",
    stations: role === "district_officer" || role === "platform_admin",
  };
}

export class WorkbenchService {
  private readonly s: WorkbenchSources;
  private readonly clock: Clock;

  constructor(sources: WorkbenchSources, clock: Clock) {
    this.s = sources;
    this.clock = clock;
  }

  async of(user: SessionUser, stationId: number | undefined): Promise<Workbench> {
    const now = this.clock.now();
    const parts = workbenchParts(user);
    const [station, party, unit, stations] = await Promise.all([
      parts.station ? this.stationFigures(user, stationId) : null,
      parts.party ? this.partyFigures(user) : null,
      parts.unit ? this.unitFigures(user) : null,
      parts.stations ? this.stationsSideBySide(user, stationId) : null,
    ]);
    return { computedAt: now.toISOString(), date: stationDate(now), station, party, unit, stations };
  }

  /** New and overdue problems, today's queue and bookings, meals not yet delivered today, overdue loans. */
  private async stationFigures(user: SessionUser, stationId: number | undefined): Promise<WorkbenchFigure[]> {
    const { problems, counter, meals, lending } = this.s;
    const today = stationDate(this.clock.now());
    const [fresh, overdue, queue, mealsLeft, loans] = await Promise.all([
      problems.count(user, { stationId, status: "submitted" }),
      problems.count(user, { stationId, overdue: "true" }),
      counter.requests.todayCounts(user, stationId),
      meals.undeliveredToday(user, stationId),
      lending.loans(user, loanListQuery.parse({ stationId, view: "overdue", pageSize: 1 })),
    ]);
    return [
      figure("newProblems", fresh, linkTo("/problems", { status: "submitted", stationId })),
      figure("overdueProblems", overdue, linkTo("/problems", { tab: "overdue", stationId })),
      figure("queueToday", queue.waiting, linkTo("/services/counter", { stationId })),
      figure("bookingsToday", queue.booked, linkTo("/services/requests", { status: "booked", from: today, to: today, stationId })),
      figure("mealsUndelivered", mealsLeft, linkTo("/caring/meals", { stationId })),
      figure("overdueLoans", loans.total, linkTo("/services/lending", { tab: "loans", view: "overdue", stationId })),
    ];
  }

  /** Development steps overdue or due within 14 days; the required branch-life meetings due this month. */
  private async partyFigures(user: SessionUser): Promise<NonNullable<Workbench["party"]>> {
    const [steps, meetings] = await Promise.all([this.s.party.development.dueCounts(user), this.s.party.branchLife.dueThisMonth(user)]);
    return {
      figures: [
        figure("developmentOverdue", steps.overdue, linkTo("/party/development", { overdue: "true" })),
        figure("developmentDueSoon", steps.dueSoon, linkTo("/party/development", { due: "true" })),
        figure("meetingsDue", meetings.length, linkTo("/party/branch-life")),
      ],
      meetingsDue: meetings.map((m) => ({
        branchId: m.branchId,
        branchName: m.branchName,
        kind: m.kind,
        dueBy: m.dueBy,
        scheduledOn: m.scheduledOn,
        link: linkTo("/party/branch-life", { branchId: m.branchId, kind: m.kind }),
      })),
    };
  }

  /** The problems waiting for the unit (soonest due first) and its next duty days. */
  private async unitFigures(user: SessionUser): Promise<NonNullable<Workbench["unit"]>> {
    const { problems, duty } = this.s;
    const [waiting, overdue, shifts] = await Promise.all([
      problems.list(user, problemListQuery.parse({ actionable: "true", sort: "dueAt", order: "asc", pageSize: 5 }), user.locale),
      problems.count(user, { overdue: "true" }),
      duty.myShifts(user),
    ]);
    const next = shifts.items.filter((s) => s.mine).slice(0, 5);
    return {
      unitName: shifts.unitName,
      figures: [
        figure("assignedProblems", waiting.total, linkTo("/problems", { tab: "mine" })),
        figure("unitOverdueProblems", overdue, linkTo("/problems", { tab: "overdue" })),
        figure("dutyDays", shifts.items.filter((s) => s.mine).length, linkTo("/services/roster")),
      ],
      problems: waiting.items.map((p) => ({
        id: p.id,
        code: p.code,
        title: p.title,
        status: p.status,
        dueAt: p.dueAt,
        overdue: p.overdue,
        link: `/problems/${p.id}`,
      })),
      dutyDays: next.map((s) => ({ date: s.date, startTime: s.startTime, endTime: s.endTime, booked: s.booked, capacity: s.capacity })),
      dutyLink: linkTo("/services/roster"),
    };
  }

  /**
   * One row per station in reach: merchants, new, overdue and this month's problems, overdue loans, and this month's
   * counter requests for those who may open the requests list (a district officer may not).
   */
  private async stationsSideBySide(user: SessionUser, only: number | undefined): Promise<NonNullable<Workbench["stations"]>> {
    const { org, merchants, problems, counter, lending } = this.s;
    const month = monthRange(stationMonth(this.clock.now()));
    const stations = (await org.units(user)).filter((u) => u.kind === "station" && (only === undefined || u.id === only));
    return Promise.all(
      stations.map(async ({ id: stationId, name }) => {
        const [merchantRows, fresh, overdue, thisMonth, requests, loans] = await Promise.all([
          merchants.countsFor([stationId]),
          problems.count(user, { stationId, status: "submitted" }),
          problems.count(user, { stationId, overdue: "true" }),
          problems.count(user, { stationId, from: month.from, to: month.to }),
          can(user.role, "service.handle") ? counter.requests.countBetween(user, stationId, month.from, month.to) : null,
          lending.loans(user, loanListQuery.parse({ stationId, view: "overdue", pageSize: 1 })),
        ]);
        const open = merchantRows.filter((r) => r.status !== "closed").reduce((n, r) => n + Number(r.n), 0);
        return {
          stationId,
          name,
          figures: [
            figure("merchants", open, linkTo("/merchants", { stationId })),
            figure("newProblems", fresh, linkTo("/problems", { status: "submitted", stationId })),
            figure("overdueProblems", overdue, linkTo("/problems", { tab: "overdue", stationId })),
            figure("problemsThisMonth", thisMonth, linkTo("/problems", { from: month.from, to: month.to, stationId })),
            figure("overdueLoans", loans.total, linkTo("/services/lending", { tab: "loans", view: "overdue", stationId })),
            ...(requests === null
              ? []
              : [figure("requestsThisMonth", requests, linkTo("/services/requests", { from: month.from, to: month.to, stationId }))]),
          ],
        };
      }),
    );
  }
}
