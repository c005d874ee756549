// Figures of the caring scheme for a period: cards issued, active holders, redemptions and discount given per
// shop and month, meals delivered and missed, and coverage (delivered over planned meals).
import type { Kysely } from "kysely";
import { z } from "zod";
import { addDays, shiftMonth, stationDate, stationDayStart, stationMonth } from "../../../contracts/calendar.ts";
import { dateSchema } from "../../../contracts/common.ts";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import { invalidField } from "../../platform/errors.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import { presentShopMonth } from "./caring.presenter.ts";
import { FiguresRepository } from "./figures.repository.ts";
import { plannedCount } from "./meals.presenter.ts";

export const figuresQuery = z.object({
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  stationId: z.coerce.number().int().positive().optional(),
});

export class FiguresService {
  readonly repo: FiguresRepository;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, clock: Clock) {
    this.repo = new FiguresRepository(db);
    this.clock = clock;
  }

  /** Defaults: from the first of the same month a year ago up to today (station time). */
  async figures(user: SessionUser, query: z.output<typeof figuresQuery>) {
    const now = this.clock.now();
    const today = stationDate(now);
    const to = query.to ?? today;
    const from = query.from ?? `${shiftMonth(stationMonth(now), -12)}-01`;
    if (to < from) throw invalidField("to", "v.date_order");
    const stationIds = stationFilter(user, query.stationId);
    const fromIso = stationDayStart(from).toISOString();
    const toIso = stationDayStart(addDays(to, 1)).toISOString();
    const [cardsIssued, activeHolders, byShop, deliveries, recipients, caringRestaurants] = await Promise.all([
      this.repo.cardsIssued(stationIds, fromIso, toIso),
      this.repo.activeHolders(stationIds, today),
      this.repo.redemptionsByShopMonth(stationIds, fromIso, toIso),
      this.repo.deliveries(stationIds, from, to),
      this.repo.recipients(stationIds),
      this.repo.caringRestaurants(stationIds),
    ]);
    let mealsDelivered = 0;
    let mealsMissed = 0;
    const recorded = new Map<number, number>();
    for (const d of deliveries) {
      const n = Number(d.n);
      if (d.status === "delivered") mealsDelivered += n;
      else if (d.status === "missed") mealsMissed += n;
      recorded.set(d.recipient_id, (recorded.get(d.recipient_id) ?? 0) + n);
    }
    // Planned: each active plan's weekdays from its start, up to today; a paused plan counts the meals it recorded.
    const plannedTo = [to, today].sort()[0]; // dates as text: the earlier of the two
    let planned = 0;
    for (const r of recipients) {
      const rows = recorded.get(r.id) ?? 0;
      planned += r.active === 1 ? Math.max(plannedCount(r, from, plannedTo), rows) : rows;
    }
    return {
      cardsIssued,
      activeHolders,
      redemptionsByShopMonth: byShop.map(presentShopMonth),
      mealsDelivered,
      mealsMissed,
      mealCoverage: planned > 0 ? Math.round((mealsDelivered / planned) * 1000) / 1000 : null,
      recipients: recipients.filter((r) => r.active === 1).length,
      caringRestaurants,
    };
  }
}
