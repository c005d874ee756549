// The jobs register: people employed because of the night market (by an operator or by the market), their role,
// where they come from, their dates and whether they have a contract. Names and mobiles are masked in the list;
// an unmasked view is for roles that may see personal data, and is audited. "Jobs" is the count of current ones.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { stationDate } from "../../../contracts/calendar.ts";
import type { jobCreateSchema, jobListQuery, jobUpdateSchema } from "../../../contracts/night-market.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { denied, notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { manages, refuse } from "./night-market.access.ts";
import { presentJob } from "./night-market.presenter.ts";
import type { NightMarketRepository } from "./night-market.repository.ts";

export class NightMarketRegisterService {
  private readonly db: Kysely<DB>;
  private readonly repo: NightMarketRepository;
  private readonly vault: Vault;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: NightMarketRepository, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.vault = vault;
    this.clock = clock;
  }

  async list(user: SessionUser, query: z.output<typeof jobListQuery>) {
    const today = stationDate(this.clock.now());
    const { rows, total } = await this.repo.jobs(
      {
        stationIds: stationFilter(user, query.stationId),
        current: query.current === undefined ? undefined : query.current === "true",
        employerKind: query.employerKind,
        q: query.q,
        today,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map((r) => presentJob(r, this.vault, false, today)), total, page: query.page, pageSize: query.pageSize };
  }

  private async view(id: number, full: boolean) {
    const today = stationDate(this.clock.now());
    const row = await this.repo.jobRow(id);
    if (!row) throw notFound();
    return presentJob(row, this.vault, full, today);
  }

  /** One job unmasked, for roles that may see personal data; the view is audited. */
  async unmasked(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const job = await this.repo.job(id);
    if (!job || !reachesStation(user, job.station_id)) throw notFound();
    if (!can(user.role, "personal.unmask")) throw denied();
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, actor, {
        at: now,
        action: "personal.unmasked",
        objectType: "night_market_job",
        objectId: id,
        stationId: job.station_id,
      }),
    );
    return this.view(id, true);
  }

  async create(user: SessionUser, input: z.output<typeof jobCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    if (input.endsOn !== null && input.endsOn < input.startsOn) throw refuse("night_market.bad_job_dates", {}, "endsOn");
    if (input.employerKind === "operator") {
      const op = input.operatorId === null ? undefined : await this.repo.operator(input.operatorId);
      if (!op || op.station_id !== stationId) throw refuse("night_market.bad_operator", {}, "operatorId");
    } else if (input.operatorId !== null) {
      throw refuse("night_market.bad_operator", {}, "operatorId");
    }
    const id = await this.db.transaction().execute(async (trx) => {
      const jobId = await this.repo.insertJob(trx, {
        station_id: stationId,
        employer_kind: input.employerKind,
        operator_id: input.operatorId,
        person_name: input.personName,
        mobile_enc: input.mobile ? this.vault.encrypt(input.mobile) : null,
        role: input.role,
        origin: input.origin,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        has_contract: input.hasContract ? 1 : 0,
        created_at: at,
        updated_at: at,
      });
      const { mobile: _m, personName: _p, ...rest } = input;
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_job.created",
        objectType: "night_market_job",
        objectId: jobId,
        stationId,
        after: { ...rest, mobile: input.mobile ? "***" : null },
      });
      return jobId;
    });
    return this.view(id, false);
  }

  /** A job ends (or its end is moved or cleared), or its contract is recorded. */
  async update(user: SessionUser, id: number, input: z.output<typeof jobUpdateSchema>, actor: Actor) {
    const now = this.clock.now();
    const job = await this.repo.job(id);
    if (!job || !manages(user, job.station_id)) throw notFound();
    if (input.endsOn !== null && input.endsOn < job.starts_on) throw refuse("night_market.bad_job_dates", {}, "endsOn");
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateJob(trx, id, {
        ends_on: input.endsOn,
        ...(input.hasContract !== undefined && { has_contract: input.hasContract ? 1 : 0 }),
        updated_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "night_market_job.updated",
        objectType: "night_market_job",
        objectId: id,
        stationId: job.station_id,
        before: { endsOn: job.ends_on, hasContract: job.has_contract === 1 },
        after: input,
      });
    });
    return this.view(id, false);
  }
}
