// Member development kept to its rules (development.evaluate.ts): opening a case with its application,
// recording steps, extending the probation, stopping a case, the funnel by stage, and reminding the branch's
// secretary of steps coming due. Development records are read only through the development.* actions.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type {
  caseCreateSchema,
  caseListQuery,
  DevelopmentCase,
  extensionSchema,
  funnelSchema,
  stepRecordSchema,
  stopCaseSchema,
} from "../../../contracts/party.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { evaluate, evaluateExtension, nextStep, openCase, stageOf, statusAfter } from "./development.evaluate.ts";
import { refusalError } from "./development.refusal.ts";
import { type CaseFacts, type NewStep, type RecordedStep, stepDefinitions, stepNamesEn } from "./development.rules.ts";
import { probationEnd } from "./development.time-limits.ts";
import { presentCase, presentFunnel, recordedStep, seesBirthDate } from "./party.presenter.ts";
import type { BranchRow, CaseRow, Db, PartyRepository } from "./party.repository.ts";
import type { BranchScope } from "./party.scope.ts";

type CaseCreate = z.output<typeof caseCreateSchema>;
type StepInput = z.output<typeof stepRecordSchema>;

/** A step falls due "soon" within this many days (the secretary's reminders look as far ahead). */
const DUE_SOON_DAYS = 14;

const facts = (row: CaseRow): CaseFacts => ({ birthDate: row.birth_date, status: row.status, extensionMonths: row.extension_months });

export class DevelopmentService {
  private readonly db: Kysely<DB>;
  private readonly repo: PartyRepository;
  private readonly scope: BranchScope;
  private readonly vault: Vault;
  private readonly notifier: Notifier;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: PartyRepository, scope: BranchScope, vault: Vault, notifier: Notifier, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.scope = scope;
    this.vault = vault;
    this.notifier = notifier;
    this.clock = clock;
  }

  private async caseInReach(user: SessionUser, id: number, db?: Db) {
    const row = await this.repo.caseById(id, db);
    if (!row || !(await this.scope.reaches(user, row.branch_id, db))) throw notFound();
    return row;
  }

  private async presentCases(rows: CaseRow[], today: string, user: SessionUser) {
    const steps = await this.repo.stepsOf(rows.map((r) => r.id));
    return rows.map((r) => {
      const own = steps.filter((s) => s.case_id === r.id);
      const recorded = own.map(recordedStep);
      return presentCase(
        r,
        own,
        nextStep(facts(r), recorded, today),
        probationEnd(recorded, r.extension_months),
        this.vault,
        user.locale,
        seesBirthDate(user),
      );
    });
  }

  async list(user: SessionUser, query: z.output<typeof caseListQuery>) {
    const branchIds = await this.scope.visibleBranchIds(user, query.branchId);
    const rows = await this.repo.casesOf({ branchIds, stage: query.stage, status: query.status });
    let items = await this.presentCases(rows, stationDate(this.clock.now()), user);
    if (query.q) items = items.filter((c) => c.name.includes(query.q as string));
    if (query.overdue) items = items.filter((c) => (c.next?.overdue ?? false) === (query.overdue === "true"));
    if (query.due === "true") {
      const horizon = addDays(stationDate(this.clock.now()), DUE_SOON_DAYS);
      items = items.filter((c) => c.status === "active" && !c.next?.overdue && !!c.next?.due && c.next.due <= horizon);
    }
    const offset = (query.page - 1) * query.pageSize;
    return { items: items.slice(offset, offset + query.pageSize), total: items.length, page: query.page, pageSize: query.pageSize };
  }

  /** Active cases in reach whose next step is overdue, and those whose next step falls due within 14 days. */
  async dueCounts(user: SessionUser): Promise<{ overdue: number; dueSoon: number }> {
    const branchIds = await this.scope.visibleBranchIds(user);
    const items = await this.presentCases(await this.repo.casesOf({ branchIds, status: "active" }), stationDate(this.clock.now()), user);
    const horizon = addDays(stationDate(this.clock.now()), DUE_SOON_DAYS);
    let overdue = 0;
    let dueSoon = 0;
    for (const c of items) {
      if (c.next?.overdue) overdue++;
      else if (c.next?.due && c.next.due <= horizon) dueSoon++;
    }
    return { overdue, dueSoon };
  }

  async get(user: SessionUser, id: number): Promise<DevelopmentCase> {
    return this.caseOn(user, id, stationDate(this.clock.now()));
  }

  /** A case as of a station date (its next step's overdue flag counts from that day). */
  private async caseOn(user: SessionUser, id: number, today: string): Promise<DevelopmentCase> {
    const row = await this.caseInReach(user, id);
    const [c] = await this.presentCases([row], today, user);
    return c;
  }

  async create(user: SessionUser, input: CaseCreate, actor: Actor): Promise<DevelopmentCase> {
    const now = this.clock.now();
    const today = stationDate(now);
    const id = await this.db.transaction().execute(async (trx) => {
      const branch = await this.scope.branchInReach(user, input.branchId, trx);
      const application: NewStep = { step: "application", on: input.appliedOn };
      const verdict = evaluate({ birthDate: input.birthDate, status: "active", extensionMonths: null }, [], application, { today });
      if (!verdict.ok) throw refusalError(verdict, verdict.field === "on" ? "appliedOn" : verdict.field);
      const stamp = now.toISOString();
      const newId = await this.repo.insertCase(trx, {
        branch_id: input.branchId,
        name: input.name,
        gender: input.gender,
        birth_date: input.birthDate,
        mobile_enc: input.mobile ? this.vault.encrypt(input.mobile) : null,
        merchant_id: input.merchantId,
        resident_id: input.residentId,
        stage: "applicant",
        status: "active",
        extension_months: null,
        member_id: null,
        note: input.note,
        created_at: stamp,
        updated_at: stamp,
      });
      await this.repo.insertStep(trx, {
        case_id: newId,
        step: "application",
        on_date: input.appliedOn,
        note: input.note,
        details_json: "{}",
        actor_user_id: actor.userId,
        actor_name: actor.name,
        created_at: stamp,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "development.case_created",
        objectType: "development_case",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { branchId: input.branchId, appliedOn: input.appliedOn },
      });
      return newId;
    });
    return this.caseOn(user, id, today);
  }

  /** Full members who may act as contacts or introducers: those of the branch and of its parent branch. */
  private async fullMembersFor(branch: BranchRow, db: Db) {
    const ids = [branch.id, ...(branch.parent_id ? [branch.parent_id] : [])];
    const rows = await this.repo.membersOf(ids, db);
    return new Map(rows.filter((m) => m.status === "full").map((m) => [m.id, m.full_on] as const));
  }

  async recordStep(user: SessionUser, id: number, input: StepInput, actor: Actor): Promise<DevelopmentCase> {
    const now = this.clock.now();
    const today = stationDate(now);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.caseInReach(user, id, trx);
      if (row.version !== input.version) throw conflict();
      const branch = (await this.repo.branchById(row.branch_id, trx)) as BranchRow;
      const steps = (await this.repo.stepsOf([id], trx)).map(recordedStep);
      const next: NewStep = {
        step: input.step,
        on: input.on,
        memberIds: input.memberIds,
        vote: input.vote,
        conclusion: input.conclusion,
        publicityUntil: input.publicityUntil,
      };
      const verdict = evaluate(facts(row), steps, next, { today, fullMembers: await this.fullMembersFor(branch, trx) });
      if (!verdict.ok) throw refusalError(verdict);
      const details: Record<string, unknown> = {};
      if (input.memberIds) details.memberIds = [...new Set(input.memberIds)];
      if (input.vote) details.vote = input.vote;
      if (input.conclusion) details.conclusion = input.conclusion;
      if (input.publicityUntil) details.publicityUntil = input.publicityUntil;
      if (input.step === "branch_vote" || input.step === "conversion_vote") details.passed = statusAfter(next) !== "stopped";
      const stamp = now.toISOString();
      await this.repo.insertStep(trx, {
        case_id: id,
        step: input.step,
        on_date: input.on,
        note: input.note,
        details_json: JSON.stringify(details),
        actor_user_id: actor.userId,
        actor_name: actor.name,
        created_at: stamp,
      });
      const after: RecordedStep[] = [...steps, { ...next, ...details }];
      const stage = stageOf(after);
      const status = statusAfter(next);
      let memberId = row.member_id;
      if (input.step === "higher_approval") memberId = await this.admitProbationary(trx, row, after, stamp);
      if (input.step === "conversion_approval") memberId = await this.convertToFull(trx, row, after, stamp);
      if (!(await this.repo.updateCase(trx, id, input.version, { stage, status, member_id: memberId, updated_at: stamp })))
        throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "development.step_recorded",
        objectType: "development_case",
        objectId: id,
        stationId: branch.org_unit_id,
        before: { stage: row.stage, status: row.status },
        after: { step: input.step, on: input.on, stage, status, ...details },
      });
    });
    return this.caseOn(user, id, today);
  }

  /** Higher approval: the person becomes a probationary member from the branch meeting's date (第三十一条). */
  private async admitProbationary(trx: Db, row: CaseRow, steps: RecordedStep[], stamp: string) {
    const vote = steps.find((s) => s.step === "branch_vote") as RecordedStep;
    return this.repo.insertMember(trx, {
      branch_id: row.branch_id,
      name: row.name,
      gender: row.gender,
      birth_date: row.birth_date,
      mobile_enc: row.mobile_enc,
      source_unit: null,
      status: "probationary",
      joined_on: vote.on,
      full_on: null,
      role: "member",
      party_group: null,
      merchant_id: row.merchant_id,
      resident_id: row.resident_id,
      user_id: null,
      transferred_in_on: null,
      transferred_out_on: null,
      transferred_to: null,
      created_at: stamp,
      updated_at: stamp,
    });
  }

  /** Conversion approved: full member from the probation's end (第三十四条). */
  private async convertToFull(trx: Db, row: CaseRow, steps: RecordedStep[], stamp: string) {
    const fullOn = probationEnd(steps, row.extension_months) as string;
    const id = row.member_id ?? (await this.admitProbationary(trx, row, steps, stamp));
    await this.repo.updateMember(trx, id, null, { status: "full", full_on: fullOn, updated_at: stamp });
    return id;
  }

  async extend(user: SessionUser, id: number, input: z.output<typeof extensionSchema>, actor: Actor) {
    const now = this.clock.now();
    const today = stationDate(now);
    await this.db.transaction().execute(async (trx) => {
      const row = await this.caseInReach(user, id, trx);
      if (row.version !== input.version) throw conflict();
      const steps = (await this.repo.stepsOf([id], trx)).map(recordedStep);
      const verdict = evaluateExtension(facts(row), steps, input.months, input.on, today);
      if (!verdict.ok) throw refusalError(verdict);
      const note = `延长预备期 ${input.months} 个月（${input.on}）：${input.reason}`;
      const ok = await this.repo.updateCase(trx, id, input.version, {
        extension_months: input.months,
        note: row.note ? `${row.note}\n${note}` : note,
        updated_at: now.toISOString(),
      });
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "development.probation_extended",
        objectType: "development_case",
        objectId: id,
        after: { months: input.months, on: input.on, reason: input.reason },
      });
    });
    return this.caseOn(user, id, today);
  }

  async stop(user: SessionUser, id: number, input: z.output<typeof stopCaseSchema>, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.caseInReach(user, id, trx);
      const open = openCase(facts(row), "status");
      if (!open.ok) throw refusalError(open);
      const note = `终止（${input.on}）：${input.reason}`;
      const ok = await this.repo.updateCase(trx, id, input.version, {
        status: "stopped",
        note: row.note ? `${row.note}\n${note}` : note,
        updated_at: now.toISOString(),
      });
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "development.case_stopped",
        objectType: "development_case",
        objectId: id,
        before: { status: row.status },
        after: { status: "stopped", on: input.on, reason: input.reason },
      });
    });
    return this.caseOn(user, id, stationDate(now));
  }

  /** Counts by stage for the branches under an org unit (a branch's, a community's or a district's). */
  async funnel(user: SessionUser, orgUnitId: number | undefined): Promise<z.infer<typeof funnelSchema>> {
    const unit = await this.repo.orgUnit(orgUnitId ?? user.orgUnitId);
    if (!unit || !this.scope.coversPath(user, unit.path)) throw notFound();
    const branches = await this.repo.branchesUnder(unit.path);
    const ids = branches.map((b) => b.id);
    const cases = await this.repo.casesOf({ branchIds: ids });
    return presentFunnel(branches, cases, {
      activists: await this.repo.reachedCounts(ids, "activist_recommendation"),
      candidates: await this.repo.reachedCounts(ids, "candidate_determined"),
    });
  }

  /** Steps due within 14 days or overdue, as of `now`: the branch's secretary hears once per step per week. */
  async remindDue(now: Date) {
    const today = stationDate(now);
    const horizon = addDays(today, DUE_SOON_DAYS);
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const rows = await this.repo.activeCases();
    const steps = await this.repo.stepsOf(rows.map((r) => r.id));
    let reminded = 0;
    for (const r of rows) {
      const next = nextStep(facts(r), steps.filter((s) => s.case_id === r.id).map(recordedStep), today);
      if (!next?.due || next.due > horizon) continue;
      const branch = await this.repo.branchById(r.branch_id);
      if (!branch) continue;
      const link = `/party/cases/${r.id}#${next.step}`;
      const outbox = this.notifier.outbox();
      await this.db.transaction().execute(async (trx) => {
        for (const userId of await this.repo.secretariesOf(branch.id, branch.org_unit_id, trx)) {
          if (await this.repo.remindedSince(trx, userId, link, weekAgo)) continue;
          reminded++;
          await outbox.add(trx, {
            userId,
            kind: "party.development_due",
            notice: next.overdue ? "party.development_overdue" : "party.development_due",
            params: { name: r.name, step: { "zh-CN": stepDefinitions[next.step].record, en: stepNamesEn[next.step] }, due: next.due ?? "" },
            link,
          });
        }
      });
      await outbox.deliver();
    }
    return { cases: rows.length, reminded };
  }

  jobs(): Job[] {
    return [{ name: "party.remind_development", everyMs: 6 * 3_600_000, run: (now) => this.remindDue(now) }];
  }
}
