// The station counter (便民服务窗口): the catalogue of 32 items the departments handle at the station, the
// requests merchants and residents book for a day their department is on duty (or bring in person), the queue
// numbers issued on the day, handling or forwarding to the department, and the applicant's five-heart rating.
// One service per part: the catalogue, reading requests (and the figures), bookings and walk-ins, handling.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import type { DutyService } from "../duty/duty.service.ts";
import { CounterBookingsService } from "./bookings.service.ts";
import { CatalogueService } from "./catalogue.service.ts";
import { CounterRepository } from "./counter.repository.ts";
import { CounterHandlingService } from "./handling.service.ts";
import { CounterRequestsService } from "./requests.service.ts";

export class CounterService {
  readonly repo: CounterRepository;
  readonly catalogue: CatalogueService;
  readonly requests: CounterRequestsService;
  readonly bookings: CounterBookingsService;
  readonly handling: CounterHandlingService;

  /** The roster's shifts are the duty module's: the counter reads them and takes their places through `duty`. */
  constructor(db: Kysely<DB>, vault: Vault, notifier: Notifier, duty: DutyService, clock: Clock) {
    this.repo = new CounterRepository(db);
    const places = duty.places;
    this.catalogue = new CatalogueService(db, this.repo, places, clock);
    this.requests = new CounterRequestsService(this.repo, vault, places, clock);
    this.bookings = new CounterBookingsService(db, this.repo, { vault, notifier, places, requests: this.requests, clock });
    this.handling = new CounterHandlingService(db, this.repo, { notifier, places, requests: this.requests, clock });
  }

  jobs(): Job[] {
    return this.handling.jobs();
  }
}
