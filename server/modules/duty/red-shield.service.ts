// The market-regulation bureau's Red Shield post (红盾先锋驿站) at the station: sessions twice a month generated from
// the plan, slots merchants book with a topic, and the consultations the bureau's officer or the station's staff
// record per merchant and topic. The bureau's officer (unit scope) manages only its own unit's sessions. One
// service per part: the plan (and the generating job), the sessions, the bookings, the consultations.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import { RedShieldRepository } from "./red-shield.repository.ts";
import { RedShieldBookingsService } from "./red-shield-bookings.service.ts";
import { RedShieldConsultationsService } from "./red-shield-consultations.service.ts";
import { RedShieldPlanService } from "./red-shield-plan.service.ts";
import { RedShieldSessionsService } from "./red-shield-sessions.service.ts";

export class RedShieldService {
  readonly repo: RedShieldRepository;
  readonly plans: RedShieldPlanService;
  readonly sessions: RedShieldSessionsService;
  readonly bookings: RedShieldBookingsService;
  readonly consultations: RedShieldConsultationsService;

  constructor(db: Kysely<DB>, notifier: Notifier, clock: Clock) {
    this.repo = new RedShieldRepository(db);
    this.plans = new RedShieldPlanService(db, this.repo, clock);
    this.sessions = new RedShieldSessionsService(db, this.repo, notifier, clock);
    this.bookings = new RedShieldBookingsService(db, this.repo, clock);
    this.consultations = new RedShieldConsultationsService(db, this.repo, this.sessions, clock);
  }

  jobs(): Job[] {
    return this.plans.jobs();
  }
}
