// Environment campaigns (环境整治): rounds of disinfection, sanitation and road inspection over the market's areas,
// each with its checklist, photos and findings. A finding becomes a problem in the governance loop (through the
// problems service, in the round's transaction), and a round shows solved once every finding's problem is resolved
// or confirmed.
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { findingCreateSchema, roundCreateSchema, roundListQuery } from "../../../contracts/events.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import { fileUrl } from "../../platform/files.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { list } from "./events.presenter.ts";
import { type EventsRepository, SOLVED } from "./events.repository.ts";

const kindNames = { disinfection: "消杀", sanitation: "环境卫生", road: "道路巡查" } as const;

type FindingRow = Awaited<ReturnType<EventsRepository["findingsOf"]>>[number];
const solved = (f: FindingRow) => f.problem_status !== null && (SOLVED as readonly string[]).includes(f.problem_status);

export class EnvironmentService {
  private readonly db: Kysely<DB>;
  private readonly repo: EventsRepository;
  private readonly files: FilesService;
  private readonly problems: ProblemsService;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: EventsRepository, deps: { files: FilesService; problems: ProblemsService }, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.files = deps.files;
    this.problems = deps.problems;
    this.clock = clock;
    deps.files.allowReaders("environment_round", async (user, id) => {
      const r = await this.repo.round(id);
      return r !== undefined && reachesStation(user, r.station_id);
    });
  }

  async roundCountOf(eventId: number) {
    return (await this.repo.listRounds({ stationIds: null, eventId }, { limit: 1, offset: 0 })).total;
  }

  private async present(rows: NonNullable<Awaited<ReturnType<EventsRepository["round"]>>>[]) {
    const findings = await this.repo.findingsOf(rows.map((r) => r.id));
    const out = [];
    for (const r of rows) {
      const own = findings.filter((f) => f.round_id === r.id);
      const solvedAt =
        own.length && own.every(solved)
          ? own
              .map((f) => f.problem_resolved_at ?? "")
              .sort()
              .at(-1) || null
          : null;
      out.push({
        id: r.id,
        stationId: r.station_id,
        eventId: r.event_id,
        eventTitle: r.event_title,
        kind: r.kind,
        area: r.area,
        date: r.date,
        checklist: list<{ item: string; ok: boolean; note: string | null }>(r.checklist),
        inspector: r.inspector_name,
        note: r.note,
        photos: (await this.files.attachedTo(`environment_round:${r.id}`)).map((id) => ({ id, url: fileUrl(id) })),
        findings: own.map((f) => ({
          id: f.id,
          description: f.description,
          place: f.place,
          problemId: f.problem_id,
          problemCode: f.problem_code,
          problemStatus: f.problem_status,
          solved: solved(f),
          solvedAt: solved(f) ? f.problem_resolved_at : null,
        })),
        findingsSolved: own.filter(solved).length,
        /** Every finding's problem solved (and when the last was); a round without findings was clean. */
        solved: own.every(solved),
        solvedAt,
      });
    }
    return out;
  }

  async rounds(user: SessionUser, query: z.output<typeof roundListQuery>) {
    const { rows, total } = await this.repo.listRounds(
      {
        stationIds: stationFilter(user, query.stationId),
        kind: query.kind,
        eventId: query.eventId,
        from: query.from,
        to: query.to,
        solved: query.solved,
        q: query.q,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: await this.present(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async round(user: SessionUser, id: number) {
    const r = await this.repo.round(id);
    if (!r || !reachesStation(user, r.station_id)) throw notFound();
    return (await this.present([r]))[0];
  }

  async createRound(user: SessionUser, input: z.output<typeof roundCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const stationId = targetStation(user, input.stationId);
    if (input.eventId) {
      const e = await this.repo.event(input.eventId);
      if (!e || e.station_id !== stationId || e.kind !== "environment") throw new AppError("environment.bad_event", [{ field: "eventId" }]);
    }
    const id = await this.db.transaction().execute(async (trx) => {
      const roundId = await this.repo.insertRound(trx, {
        station_id: stationId,
        event_id: input.eventId ?? null,
        kind: input.kind,
        area: input.area,
        date: input.date,
        checklist: JSON.stringify(input.checklist),
        inspector_user_id: user.id,
        inspector_name: user.displayName,
        note: input.note,
        created_at: now.toISOString(),
      });
      await this.files.attach(trx, input.photoIds, user.id, `environment_round:${roundId}`);
      await appendAudit(trx, actor, {
        at: now,
        action: "environment_round.recorded",
        objectType: "environment_round",
        objectId: roundId,
        stationId,
        after: { kind: input.kind, area: input.area, date: input.date, checklist: input.checklist, photos: input.photoIds.length },
      });
      return roundId;
    });
    return this.round(user, id);
  }

  /** A finding of a round, reported in the same transaction as a problem the governance loop then works. */
  async addFinding(user: SessionUser, roundId: number, input: z.output<typeof findingCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const r = await this.repo.round(roundId);
    if (!r || !reachesStation(user, r.station_id)) throw notFound();
    await this.problems.ensureCategories();
    const category = await this.repo.problemCategory(input.categoryCode);
    if (category?.active !== 1) throw new AppError("environment.bad_category", [{ field: "categoryCode" }]);
    await this.db.transaction().execute(async (trx) => {
      const findingId = await this.repo.insertFinding(trx, {
        round_id: roundId,
        description: input.description,
        place: input.place,
        problem_id: null,
        created_at: at,
      });
      const title = `${kindNames[r.kind]}巡查发现：${input.place}`;
      const problem = await this.problems.createProblemRecord(trx, {
        stationId: r.station_id,
        title: title.slice(0, 100),
        description: `${r.date} ${r.area}${kindNames[r.kind]}巡查（${r.inspector_name}）发现：${input.description}`,
        categoryCode: input.categoryCode,
        source: "grid_worker",
        place: input.place,
        reporterUserId: null,
        reporterName: user.displayName,
        createdAt: at,
        actorUserId: user.id,
        actorName: user.displayName,
      });
      await this.repo.linkFinding(trx, findingId, problem.id);
      await appendAudit(trx, actor, {
        at: now,
        action: "environment_finding.recorded",
        objectType: "environment_round",
        objectId: roundId,
        stationId: r.station_id,
        after: { findingId, description: input.description, place: input.place, problemId: problem.id },
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "problem.created",
        objectType: "problem",
        objectId: problem.id,
        stationId: r.station_id,
        after: {
          code: problem.code,
          title,
          categoryCode: input.categoryCode,
          source: "grid_worker",
          status: "submitted",
          environmentFindingId: findingId,
        },
      });
    });
    return this.round(user, roundId);
  }
}
