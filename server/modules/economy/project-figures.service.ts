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

/** What other modules count, read for a project's figures (wired in server/services.ts). */
export interface ProjectFigureSources {
  /** The twelve months' holiday promotions at the station: visits and takings uplift from their records. */
  promotions(stationId: number): Promise<{ visitsUplift: number; takingsUpliftFen: number }>;
  /** The night market's closed nights at the station: visitors and turnover a night, current jobs. */
  nightMarket(stationId: number): Promise<{ visitorsPerNight: number; turnoverPerNightFen: number; currentJobs: number }>;
  /** The cultural teams that performed on the station's stage in the twelve months. */
  stageTeams(stationId: number): Promise<number>;
}

const sourceOf: Partial<Record<string, string>> = {
  promotion_visits: "/event-figures",
  promotion_takings: "/event-figures",
  night_visitors: "/night-market?tab=figures",
  night_turnover: "/night-market?tab=figures",
  night_jobs: "/night-market?tab=jobs",
  stage_teams: "/stage?tab=teams",
  counter_items: "/counter/catalogue",
};

export class ProjectFiguresService {
  private sources: ProjectFigureSources | null = null;
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

  setSources(sources: ProjectFigureSources) {
    this.sources = sources;
  }

  /** A figure another module counts: its value and unit, or null when that module is not wired. */
  private async counted(figure: string, stationId: number) {
    const s = this.sources;
    if (figure === "counter_items") return { value: await this.repo.activeServiceItems(stationId), unit: "items" as const };
    if (!s) return null;
    if (figure === "promotion_visits" || figure === "promotion_takings") {
      const p = await s.promotions(stationId);
      return figure === "promotion_visits"
        ? { value: p.visitsUplift, unit: "visits" as const }
        : { value: p.takingsUpliftFen, unit: "fen" as const };
    }
    if (figure === "stage_teams") return { value: await s.stageTeams(stationId), unit: "teams" as const };
    const n = await s.nightMarket(stationId);
    if (figure === "night_visitors") return { value: n.visitorsPerNight, unit: "visits" as const };
    if (figure === "night_turnover") return { value: n.turnoverPerNightFen, unit: "fen" as const };
    return { value: n.currentJobs, unit: "people" as const };
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
      } else if (l.figure in sourceOf) {
        const c = await this.counted(l.figure, project.station_id);
        if (!c) continue;
        figures.push({ figure: l.figure, policyId: null, label: l.label, ...c, source: sourceOf[l.figure] ?? "" });
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
