// The merchant economy: policies and relief per merchant (relief.service.ts), survival (survival.service.ts), directed
// consumption (purchases.service.ts) and the funding ledger (ledger.service.ts), sharing one repository and the reach checks (economy.access.ts). The routes
// call the parts; the module's job is the policy notices.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import type { Clock } from "../../platform/clock.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { EconomyRepository } from "./economy.repository.ts";
import { LedgerService } from "./ledger.service.ts";
import { MerchantFileRepository } from "./merchant-file.repository.ts";
import { MerchantFileService } from "./merchant-file.service.ts";
import { ProjectFiguresService } from "./project-figures.service.ts";
import { PurchasesService } from "./purchases.service.ts";
import { ReliefService } from "./relief.service.ts";
import { SurvivalService } from "./survival.service.ts";

export interface EconomyDeps {
  notifier?: Notifier;
  files?: FilesService;
}

export class EconomyService {
  readonly repo: EconomyRepository;
  readonly relief: ReliefService;
  readonly survival: SurvivalService;
  readonly ledger: LedgerService;
  readonly purchases: PurchasesService;
  readonly projectFigures: ProjectFiguresService;
  readonly merchantFile: MerchantFileService;

  private readonly clock: Clock;

  constructor(db: Kysely<DB>, clock: Clock, deps: EconomyDeps = {}) {
    this.repo = new EconomyRepository(db);
    this.relief = new ReliefService(db, this.repo, clock, deps.notifier ?? null, deps.files ?? null);
    this.survival = new SurvivalService(db, this.repo, clock);
    this.ledger = new LedgerService(db, this.repo, clock, deps.files ?? null);
    this.purchases = new PurchasesService(db, this.repo, clock, deps.notifier ?? null);
    this.projectFigures = new ProjectFiguresService(db, this.repo, this.ledger, clock);
    this.merchantFile = new MerchantFileService(new MerchantFileRepository(db), this.repo);
    this.clock = clock;
  }

  /** The merchant file printed at the clock's instant. */
  merchantFilePdf(user: SessionUser, merchantId: number) {
    return this.merchantFile.pdf(user, merchantId, this.clock.now());
  }

  jobs(): Job[] {
    return this.relief.jobs();
  }
}
