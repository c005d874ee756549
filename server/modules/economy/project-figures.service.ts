// A project's outcome figures as links to live records, in place of the numbers typed onto the project: the merchants
// a policy reached and the money it paid out, the enterprises and the confirmed directed consumption, the ledger's
// allocations and spending for the project. Values are computed when read; the links are set by the station.
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { projectFiguresSetSchema } from "../../../contracts/economy.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import { manages, refuse } from "./economy.access.ts";
import type { EconomyRepository } from "./economy.repository.ts";
import { reached } from "./economy.workflow.ts";
import type { LedgerService } from "./ledger.service.ts";

export class ProjectFiguresService {
  private readonly db: Kysely<DB>;
  private readonly repo: EconomyRepository;
  private readonly ledger: LedgerService;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: EconomyRepository, ledger: LedgerService, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.ledger = ledger;
    this.clock = clock;
  }

  async figures(user: SessionUser, projectId: number) {
    const project = await this.repo.projectStation(projectId);
    if (!project || !reachesStation(user, project.station_id)) throw notFound();
    const funding = await this.ledger.projectFunding(user, projectId);
    const links = await this.repo.projectFigureLinks(projectId);
    const consumption = links.some((l) => l.figure.startsWith("consumption_"))
      ? await this.repo.confirmedConsumption(project.station_id)
      : null;
    const figures = [];
    for (const l of links) {
      if (l.figure === "policy_reached" || l.figure === "policy_disbursed") {
        const apps = (await this.repo.reliefsOfPolicy(l.policy_id ?? 0)).filter((a) => reached(a.status));
        const value =
          l.figure === "policy_reached"
            ? new Set(apps.map((a) => a.merchant_id)).size
            : apps.reduce((s, a) => s + (a.disbursed_fen ?? 0), 0);
        figures.push({
          figure: l.figure,
          policyId: l.policy_id,
          label: l.label,
          value,
          unit: l.figure === "policy_reached" ? ("merchants" as const) : ("fen" as const),
          source: `/api/policies/${l.policy_id}/coverage`,
        });
      } else if (l.figure === "consumption_enterprises" || l.figure === "consumption_confirmed") {
        figures.push({
          figure: l.figure,
          policyId: null,
          label: l.label,
          value: l.figure === "consumption_enterprises" ? (consumption?.enterprises ?? 0) : (consumption?.fen ?? 0),
          unit: l.figure === "consumption_enterprises" ? ("enterprises" as const) : ("fen" as const),
          source: "/api/purchases?status=confirmed",
        });
      } else {
        figures.push({
          figure: l.figure,
          policyId: null,
          label: l.label,
          value: l.figure === "ledger_allocated" ? funding.allocatedFen : funding.spentFen,
          unit: "fen" as const,
          source: `/api/funding-allocations?projectId=${projectId}`,
        });
      }
    }
    return { projectId, funding, figures };
  }

  async setLinks(user: SessionUser, projectId: number, input: z.output<typeof projectFiguresSetSchema>, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const project = await this.repo.projectStation(projectId, trx);
      if (!project || !manages(user, project.station_id)) throw notFound();
      for (const [i, f] of input.figures.entries()) {
        if (f.policyId === null) continue;
        const p = await this.repo.policy(f.policyId, trx);
        if (!p || p.station_id !== project.station_id) throw refuse("economy.bad_policy", {}, `figures.${i}.policyId`);
      }
      const before = await this.repo.projectFigureLinks(projectId, trx);
      await this.repo.replaceProjectFigureLinks(
        trx,
        projectId,
        input.figures.map((f, i) => ({
          project_id: projectId,
          figure: f.figure,
          policy_id: f.figure.startsWith("policy_") ? f.policyId : null,
          label: f.label,
          position: i,
          created_at: now.toISOString(),
        })),
      );
      await appendAudit(trx, actor, {
        at: now,
        action: "project.figures_linked",
        objectType: "project",
        objectId: projectId,
        stationId: project.station_id,
        before: before.map((b) => ({ figure: b.figure, policyId: b.policy_id, label: b.label })),
        after: input.figures,
      });
    });
    return this.figures(user, projectId);
  }
}
