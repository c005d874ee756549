// The Party branch: branches in the org tree, members, member development kept to its rules
// (development.rules.ts), the funnel, branch life (三会一课) with attendance, and pioneer posts.
// Scope: a branch is visible to accounts whose org unit is the branch's org unit or above it; records of a
// branch out of reach answer 404. Development records are read only through the development.* actions.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import type { Locale } from "../../../contracts/errors.ts";
import type {
  attendanceReportSchema,
  branchMeetingCreateSchema,
  branchMeetingHoldSchema,
  branchMeetingKinds,
  branchMeetingSchema,
  caseCreateSchema,
  caseListQuery,
  DevelopmentCase,
  extensionSchema,
  funnelSchema,
  Member,
  memberCreateSchema,
  memberListQuery,
  memberTransferSchema,
  memberUpdateSchema,
  pioneerPostCreateSchema,
  stepRecordSchema,
  stopCaseSchema,
} from "../../../contracts/party.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { CHECKIN_TTL_MS, checkToken, parseCheckInToken, qrSvg, signCheckInToken } from "../../platform/checkin.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import { type FilesService, fileUrl } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier } from "../../platform/notify.ts";
import type { SessionUser } from "../../platform/scope.ts";
import {
  addDays,
  type CaseFacts,
  evaluate,
  evaluateExtension,
  type NewStep,
  nextStep,
  probationEnd,
  type RecordedStep,
  type Refusal,
  stageOf,
  statusAfter,
  stepDefinitions,
} from "./development.rules.ts";
import { presentBranch, presentCase, presentMember, presentPost, recordedStep } from "./party.presenter.ts";
import { type BranchRow, type Db, PartyRepository } from "./party.repository.ts";

/** A refusal by the member-development rules: the route answers it naming the rule, in the caller's language. */
export class RuleRefusalError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(refusal.rule);
    this.refusal = refusal;
  }
  get errorId() {
    return this.refusal.kind === "rule"
      ? ("development.rule" as const)
      : this.refusal.kind === "out_of_order"
        ? ("development.out_of_order" as const)
        : this.refusal.kind === "already_recorded"
          ? ("development.already_recorded" as const)
          : ("development.closed" as const);
  }
  body(locale: Locale) {
    const r = this.refusal;
    const message = `${r.message[locale]}——${r.source}`;
    return { error: { id: this.errorId, message, rule: r.rule, fields: [{ field: r.field, message: r.message[locale] }] } };
  }
}

/** The station's calendar date (Asia/Shanghai). */
export const localToday = (now: Date = new Date()) => stationDate(now);

type MemberCreate = z.output<typeof memberCreateSchema>;
type MemberUpdate = z.output<typeof memberUpdateSchema>;
type CaseCreate = z.output<typeof caseCreateSchema>;
type StepInput = z.output<typeof stepRecordSchema>;
type BranchMeeting = z.infer<typeof branchMeetingSchema>;
type BranchMeetingKind = (typeof branchMeetingKinds)[number];

/** 《中国共产党支部工作条例（试行）》第十九条: how often each meeting is required. */
const requiredMeetings: { kind: BranchMeetingKind; every: "month" | "quarter"; rule: string }[] = [
  { kind: "member_meeting", every: "quarter", rule: "《中国共产党支部工作条例（试行）》第十九条：党员大会一般每季度召开1次" },
  { kind: "committee_meeting", every: "month", rule: "《中国共产党支部工作条例（试行）》第十九条：支部委员会会议一般每月召开1次" },
  { kind: "group_meeting", every: "month", rule: "《中国共产党支部工作条例（试行）》第十九条：党小组会一般每月召开1次" },
  { kind: "party_lecture", every: "quarter", rule: "《中国共产党支部工作条例（试行）》第十九条：党课一般每季度至少1次" },
];

export class PartyService {
  readonly repo: PartyRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly files: FilesService;
  private readonly notifier: Notifier;

  constructor(db: Kysely<DB>, vault: Vault, files: FilesService, notifier: Notifier) {
    this.db = db;
    this.vault = vault;
    this.files = files;
    this.notifier = notifier;
    this.repo = new PartyRepository(db);
    files.allowReaders("branch_meeting", async (user, id) => {
      const m = await this.repo.meetingById(id);
      return !!m && (await this.reaches(user, m.branch_id));
    });
  }

  // ---- scope ----

  private scopePath(user: SessionUser): string | null {
    return user.role === "platform_admin" ? null : user.orgPath;
  }

  async visibleBranches(user: SessionUser): Promise<BranchRow[]> {
    return this.repo.branchesUnder(this.scopePath(user));
  }

  private async visibleBranchIds(user: SessionUser, requested?: number): Promise<number[]> {
    const ids = (await this.visibleBranches(user)).map((b) => b.id);
    if (requested === undefined) return ids;
    return ids.includes(requested) ? [requested] : [];
  }

  private async reaches(user: SessionUser, branchId: number, db: Db = this.db): Promise<boolean> {
    const b = await this.repo.branchById(branchId, db);
    if (!b) return false;
    const path = this.scopePath(user);
    return path === null || b.org_path.startsWith(path);
  }

  /** The branch, if in reach; else 404. */
  private async branchInReach(user: SessionUser, branchId: number, db: Db = this.db): Promise<BranchRow> {
    const b = await this.repo.branchById(branchId, db);
    const path = this.scopePath(user);
    if (!b || (path !== null && !b.org_path.startsWith(path))) throw notFound();
    return b;
  }

  // ---- branches ----

  async branches(user: SessionUser) {
    const rows = await this.visibleBranches(user);
    const counts = await this.repo.memberCounts(rows.map((r) => r.id));
    return rows.map((r) => presentBranch(r, counts.get(r.id) ?? 0));
  }

  // ---- members ----

  async listMembers(user: SessionUser, query: z.output<typeof memberListQuery>) {
    const branchIds = await this.visibleBranchIds(user, query.branchId);
    const { rows, total } = await this.repo.listMembers(
      { branchIds, status: query.status, role: query.role, q: query.q || undefined },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map((r) => presentMember(r, this.vault)), total, page: query.page, pageSize: query.pageSize };
  }

  private async memberInReach(user: SessionUser, id: number, db: Db = this.db) {
    const row = await this.repo.memberById(id, db);
    if (!row || !(await this.reaches(user, row.branch_id, db))) throw notFound();
    return row;
  }

  async getMember(user: SessionUser, id: number): Promise<Member> {
    return presentMember(await this.memberInReach(user, id), this.vault);
  }

  /** The member record of the signed-in account, or 404: members see only their own. */
  async ownMember(user: SessionUser): Promise<Member> {
    const row = await this.repo.memberOfAccount(user);
    if (!row) throw notFound();
    return presentMember(row, this.vault);
  }

  async createMember(user: SessionUser, input: MemberCreate, actor: Actor): Promise<Member> {
    const id = await this.db.transaction().execute(async (trx) => {
      const branch = await this.branchInReach(user, input.branchId, trx);
      if (input.status === "full" && input.fullOn && input.fullOn < input.joinedOn) {
        throw fail("request.invalid", [{ field: "fullOn", key: "v.date_order" }]);
      }
      const now = new Date().toISOString();
      const newId = await this.repo.insertMember(trx, {
        branch_id: input.branchId,
        name: input.name,
        gender: input.gender,
        birth_date: input.birthDate,
        mobile_enc: input.mobile ? this.vault.encrypt(input.mobile) : null,
        source_unit: input.sourceUnit,
        status: input.status,
        joined_on: input.joinedOn,
        full_on: input.status === "full" ? input.fullOn : null,
        role: input.role,
        party_group: input.partyGroup,
        merchant_id: input.merchantId,
        resident_id: input.residentId,
        user_id: input.userId,
        transferred_in_on: input.transferredInOn,
        transferred_out_on: null,
        transferred_to: null,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, actor, {
        action: "party.member_created",
        objectType: "member",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { name: input.name, branchId: input.branchId, status: input.status, role: input.role },
      });
      return newId;
    });
    return this.getMember(user, id);
  }

  async updateMember(user: SessionUser, id: number, input: MemberUpdate, actor: Actor): Promise<Member> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.memberInReach(user, id, trx);
      const values: Parameters<PartyRepository["updateMember"]>[3] = { updated_at: new Date().toISOString() };
      if (input.name !== undefined) values.name = input.name;
      if (input.mobile !== undefined) values.mobile_enc = input.mobile ? this.vault.encrypt(input.mobile) : null;
      if (input.sourceUnit !== undefined) values.source_unit = input.sourceUnit;
      if (input.role !== undefined) values.role = input.role;
      if (input.partyGroup !== undefined) values.party_group = input.partyGroup;
      if (input.merchantId !== undefined) values.merchant_id = input.merchantId;
      if (input.residentId !== undefined) values.resident_id = input.residentId;
      if (input.userId !== undefined) values.user_id = input.userId;
      if (!(await this.repo.updateMember(trx, id, input.version, values))) throw conflict();
      const { version: _v, mobile, ...changed } = input;
      await appendAudit(trx, actor, {
        action: "party.member_updated",
        objectType: "member",
        objectId: id,
        before: { name: row.name, role: row.role },
        after: { ...changed, ...(mobile !== undefined ? { mobile: "changed" } : {}) },
      });
    });
    return this.getMember(user, id);
  }

  async transferMember(user: SessionUser, id: number, input: z.output<typeof memberTransferSchema>, actor: Actor) {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.memberInReach(user, id, trx);
      if (row.status === "transferred_out") throw fail("party.already_transferred", [{ field: "direction" }]);
      const ok = await this.repo.updateMember(trx, id, input.version, {
        status: "transferred_out",
        transferred_out_on: input.on,
        transferred_to: input.toOrganisation,
        updated_at: new Date().toISOString(),
      });
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        action: "party.member_transferred_out",
        objectType: "member",
        objectId: id,
        before: { status: row.status },
        after: { status: "transferred_out", on: input.on, to: input.toOrganisation },
      });
    });
    return this.getMember(user, id);
  }

  // ---- development ----

  private facts(row: { birth_date: string; status: string; extension_months: number | null }): CaseFacts {
    return { birthDate: row.birth_date, status: row.status as CaseFacts["status"], extensionMonths: row.extension_months };
  }

  private async caseInReach(user: SessionUser, id: number, db: Db = this.db) {
    const row = await this.repo.caseById(id, db);
    if (!row || !(await this.reaches(user, row.branch_id, db))) throw notFound();
    return row;
  }

  private async presentCases(rows: Awaited<ReturnType<PartyRepository["casesOf"]>>, today: string, locale: Locale = "zh-CN") {
    const steps = await this.repo.stepsOf(rows.map((r) => r.id));
    return rows.map((r) => {
      const own = steps.filter((s) => s.case_id === r.id);
      const recorded = own.map(recordedStep);
      const facts = this.facts(r);
      return presentCase(r, own, nextStep(facts, recorded, today), probationEnd(recorded, r.extension_months), this.vault, locale);
    });
  }

  async listCases(user: SessionUser, query: z.output<typeof caseListQuery>) {
    const branchIds = await this.visibleBranchIds(user, query.branchId);
    const rows = await this.repo.casesOf({ branchIds, stage: query.stage, status: query.status });
    let items = await this.presentCases(rows, localToday(), user.locale);
    if (query.q) items = items.filter((c) => c.name.includes(query.q as string));
    if (query.overdue) items = items.filter((c) => (c.next?.overdue ?? false) === (query.overdue === "true"));
    const offset = (query.page - 1) * query.pageSize;
    return { items: items.slice(offset, offset + query.pageSize), total: items.length, page: query.page, pageSize: query.pageSize };
  }

  async getCase(user: SessionUser, id: number, today = localToday()): Promise<DevelopmentCase> {
    const row = await this.caseInReach(user, id);
    const [c] = await this.presentCases([row], today, user.locale);
    return c;
  }

  async createCase(user: SessionUser, input: CaseCreate, actor: Actor, today = localToday()): Promise<DevelopmentCase> {
    const id = await this.db.transaction().execute(async (trx) => {
      const branch = await this.branchInReach(user, input.branchId, trx);
      const application: NewStep = { step: "application", on: input.appliedOn };
      const verdict = evaluate({ birthDate: input.birthDate, status: "active", extensionMonths: null }, [], application, { today });
      if (!verdict.ok) throw new RuleRefusalError({ ...verdict, field: verdict.field === "on" ? "appliedOn" : verdict.field });
      const now = new Date().toISOString();
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
        created_at: now,
        updated_at: now,
      });
      await this.repo.insertStep(trx, {
        case_id: newId,
        step: "application",
        on_date: input.appliedOn,
        note: input.note,
        details_json: "{}",
        actor_user_id: actor.userId,
        actor_name: actor.name,
        created_at: now,
      });
      await appendAudit(trx, actor, {
        action: "development.case_created",
        objectType: "development_case",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { branchId: input.branchId, appliedOn: input.appliedOn },
      });
      return newId;
    });
    return this.getCase(user, id, today);
  }

  /** Full members who may act as contacts or introducers: those of the branch and of its parent branch. */
  private async fullMembersFor(branch: BranchRow, db: Db) {
    const ids = [branch.id, ...(branch.parent_id ? [branch.parent_id] : [])];
    const rows = await this.repo.membersOf(ids, db);
    return new Map(rows.filter((m) => m.status === "full").map((m) => [m.id, m.full_on] as const));
  }

  async recordStep(user: SessionUser, id: number, input: StepInput, actor: Actor, today = localToday()): Promise<DevelopmentCase> {
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
      const verdict = evaluate(this.facts(row), steps, next, { today, fullMembers: await this.fullMembersFor(branch, trx) });
      if (!verdict.ok) throw new RuleRefusalError(verdict);
      const details: Record<string, unknown> = {};
      if (input.memberIds) details.memberIds = [...new Set(input.memberIds)];
      if (input.vote) details.vote = input.vote;
      if (input.conclusion) details.conclusion = input.conclusion;
      if (input.publicityUntil) details.publicityUntil = input.publicityUntil;
      if (input.step === "branch_vote" || input.step === "conversion_vote") details.passed = statusAfter(next) !== "stopped";
      const now = new Date().toISOString();
      await this.repo.insertStep(trx, {
        case_id: id,
        step: input.step,
        on_date: input.on,
        note: input.note,
        details_json: JSON.stringify(details),
        actor_user_id: actor.userId,
        actor_name: actor.name,
        created_at: now,
      });
      const after: RecordedStep[] = [...steps, { ...next, ...details }];
      const stage = stageOf(after);
      const status = statusAfter(next);
      let memberId = row.member_id;
      if (input.step === "higher_approval") memberId = await this.admitProbationary(trx, row, after, now);
      if (input.step === "conversion_approval") memberId = await this.convertToFull(trx, row, after, now);
      if (!(await this.repo.updateCase(trx, id, input.version, { stage, status, member_id: memberId, updated_at: now }))) throw conflict();
      await appendAudit(trx, actor, {
        action: "development.step_recorded",
        objectType: "development_case",
        objectId: id,
        stationId: branch.org_unit_id,
        before: { stage: row.stage, status: row.status },
        after: { step: input.step, on: input.on, stage, status, ...details },
      });
    });
    return this.getCase(user, id, today);
  }

  /** Higher approval: the person becomes a probationary member from the branch meeting's date (第三十一条). */
  private async admitProbationary(trx: Db, row: Awaited<ReturnType<PartyRepository["caseById"]>> & {}, steps: RecordedStep[], now: string) {
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
      created_at: now,
      updated_at: now,
    });
  }

  /** Conversion approved: full member from the probation's end (第三十四条). */
  private async convertToFull(trx: Db, row: Awaited<ReturnType<PartyRepository["caseById"]>> & {}, steps: RecordedStep[], now: string) {
    const fullOn = probationEnd(steps, row.extension_months) as string;
    if (row.member_id) {
      await this.repo.updateMember(trx, row.member_id, null, { status: "full", full_on: fullOn, updated_at: now });
      return row.member_id;
    }
    const id = await this.admitProbationary(trx, row, steps, now);
    await this.repo.updateMember(trx, id, null, { status: "full", full_on: fullOn, updated_at: now });
    return id;
  }

  async extend(user: SessionUser, id: number, input: z.output<typeof extensionSchema>, actor: Actor, today = localToday()) {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.caseInReach(user, id, trx);
      if (row.version !== input.version) throw conflict();
      const steps = (await this.repo.stepsOf([id], trx)).map(recordedStep);
      const verdict = evaluateExtension(this.facts(row), steps, input.months, input.on, today);
      if (!verdict.ok) throw new RuleRefusalError(verdict);
      const now = new Date().toISOString();
      const note = `延长预备期 ${input.months} 个月（${input.on}）：${input.reason}`;
      const ok = await this.repo.updateCase(trx, id, input.version, {
        extension_months: input.months,
        note: row.note ? `${row.note}\n${note}` : note,
        updated_at: now,
      });
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        action: "development.probation_extended",
        objectType: "development_case",
        objectId: id,
        after: { months: input.months, on: input.on, reason: input.reason },
      });
    });
    return this.getCase(user, id, today);
  }

  async stop(user: SessionUser, id: number, input: z.output<typeof stopCaseSchema>, actor: Actor) {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.caseInReach(user, id, trx);
      if (row.status !== "active") throw fail("development.closed", [{ field: "status" }]);
      const note = `终止（${input.on}）：${input.reason}`;
      const ok = await this.repo.updateCase(trx, id, input.version, {
        status: "stopped",
        note: row.note ? `${row.note}\n${note}` : note,
        updated_at: new Date().toISOString(),
      });
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        action: "development.case_stopped",
        objectType: "development_case",
        objectId: id,
        before: { status: row.status },
        after: { status: "stopped", on: input.on, reason: input.reason },
      });
    });
    return this.getCase(user, id);
  }

  /** Counts by stage for the branches under an org unit (a branch's, a community's or a district's). */
  async funnel(user: SessionUser, orgUnitId: number | undefined): Promise<z.infer<typeof funnelSchema>> {
    const unit = await this.repo.orgUnit(orgUnitId ?? user.orgUnitId);
    const path = this.scopePath(user);
    if (!unit || (path !== null && !unit.path.startsWith(path))) throw notFound();
    const branches = await this.repo.branchesUnder(unit.path);
    const ids = branches.map((b) => b.id);
    const cases = await this.repo.casesOf({ branchIds: ids });
    const live = cases.filter((c) => c.status === "active" || c.status === "completed");
    const count = (stage: string, branchId?: number) =>
      live.filter((c) => c.stage === stage && (branchId === undefined || c.branch_id === branchId)).length;
    return {
      applicants: count("applicant"),
      activists: count("activist"),
      candidates: count("candidate"),
      probationary: count("probationary"),
      full: count("full"),
      everApplied: cases.length,
      everActivists: await this.repo.reachedCounts(ids, "activist_recommendation"),
      everCandidates: await this.repo.reachedCounts(ids, "candidate_determined"),
      byBranch: branches.map((b) => ({
        branchId: b.id,
        name: b.name,
        applicants: count("applicant", b.id),
        activists: count("activist", b.id),
        candidates: count("candidate", b.id),
        probationary: count("probationary", b.id),
      })),
    };
  }

  /** Steps due within 14 days or overdue: the branch's secretary hears once per step per week. */
  async remindDue(now: Date = new Date()) {
    const today = localToday(now);
    const horizon = addDays(today, 14);
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const rows = await this.repo.activeCases();
    const steps = await this.repo.stepsOf(rows.map((r) => r.id));
    let reminded = 0;
    for (const r of rows) {
      const next = nextStep(this.facts(r), steps.filter((s) => s.case_id === r.id).map(recordedStep), today);
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
            title: next.overdue ? "发展党员步骤已超期" : "发展党员步骤即将到期",
            body: `${r.name}：${stepDefinitions[next.step].record}，${next.overdue ? "已于" : "须于"} ${next.due} ${next.overdue ? "到期" : "前完成"}。`,
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

  // ---- branch life ----

  private async presentMeetings(rows: Awaited<ReturnType<PartyRepository["meetingsOfYear"]>>): Promise<BranchMeeting[]> {
    const attendance = await this.repo.attendanceOf(rows.map((r) => r.id));
    const out: BranchMeeting[] = [];
    for (const r of rows) {
      const photos = await this.files.attachedTo(`branch_meeting:${r.id}`);
      out.push({
        id: r.id,
        branchId: r.branch_id,
        kind: r.kind as BranchMeetingKind,
        title: r.title,
        heldOn: r.held_on,
        place: r.place,
        status: r.status as BranchMeeting["status"],
        minutes: r.minutes,
        photos: photos.map((id) => ({ id, url: fileUrl(id) })),
        attendance: attendance
          .filter((a) => a.meeting_id === r.id)
          .map((a) => ({ memberId: a.member_id, name: a.name, at: a.at, method: a.method as "qr" | "staff" })),
        version: r.version,
      });
    }
    return out;
  }

  async listMeetings(
    user: SessionUser,
    query: { branchId?: number; kind?: BranchMeetingKind; from?: string; to?: string; page: number; pageSize: number },
  ) {
    const branchIds = await this.visibleBranchIds(user, query.branchId);
    const { rows, total } = await this.repo.listMeetings(
      { branchIds, kind: query.kind, from: query.from, to: query.to },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: await this.presentMeetings(rows), total, page: query.page, pageSize: query.pageSize };
  }

  private async meetingInReach(user: SessionUser, id: number, db: Db = this.db) {
    const m = await this.repo.meetingById(id, db);
    if (!m || !(await this.reaches(user, m.branch_id, db))) throw notFound();
    return m;
  }

  async getMeeting(user: SessionUser, id: number) {
    const [m] = await this.presentMeetings([await this.meetingInReach(user, id)]);
    return m;
  }

  async createMeeting(user: SessionUser, input: z.output<typeof branchMeetingCreateSchema>, actor: Actor) {
    const id = await this.db.transaction().execute(async (trx) => {
      const branch = await this.branchInReach(user, input.branchId, trx);
      const now = new Date().toISOString();
      const newId = await this.repo.insertMeeting(trx, {
        branch_id: input.branchId,
        kind: input.kind,
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        status: "scheduled",
        minutes: null,
        checkin_secret: randomBytes(24).toString("base64url"),
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, actor, {
        action: "party.meeting_scheduled",
        objectType: "branch_meeting",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { kind: input.kind, title: input.title, heldOn: input.heldOn },
      });
      return newId;
    });
    return this.getMeeting(user, id);
  }

  async holdMeeting(user: SessionUser, id: number, input: z.output<typeof branchMeetingHoldSchema>, actor: Actor) {
    await this.db.transaction().execute(async (trx) => {
      const m = await this.meetingInReach(user, id, trx);
      if (m.status === "held") throw fail("party.meeting_held", [{ field: "status" }]);
      const members = new Set((await this.repo.membersOf([m.branch_id], trx)).map((r) => r.id));
      const attendees = [...new Set(input.memberIds)];
      if (attendees.some((a) => !members.has(a))) throw fail("party.not_member", [{ field: "memberIds" }]);
      // Those who scanned the QR code are recorded already; the secretary's list adds the others.
      const scanned = await this.repo.presentAt(trx, id);
      const now = new Date().toISOString();
      if (!(await this.repo.updateMeeting(trx, id, input.version, { status: "held", minutes: input.minutes, updated_at: now }))) {
        throw conflict();
      }
      await this.files.attach(trx, input.photoIds, user.id, `branch_meeting:${id}`);
      await this.repo.insertAttendance(
        trx,
        attendees
          .filter((memberId) => !scanned.has(memberId))
          .map((memberId) => ({ meeting_id: id, member_id: memberId, method: "staff", at: now })),
      );
      await appendAudit(trx, actor, {
        action: "party.meeting_held",
        objectType: "branch_meeting",
        objectId: id,
        after: { attendees: attendees.length, photos: input.photoIds.length },
      });
    });
    return this.getMeeting(user, id);
  }

  /** The rotating QR code shown at a branch meeting; a member's phone opens /m/checkin?kind=branch&token=…. */
  async checkInCode(user: SessionUser, id: number, origin: string, now: Date = new Date()) {
    const m = await this.meetingInReach(user, id);
    if (m.held_on !== localToday(now)) throw fail("meeting.checkin_closed", [{ field: "heldOn" }]);
    const expiresAt = new Date(now.getTime() + CHECKIN_TTL_MS);
    const token = signCheckInToken(m.checkin_secret, m.id, expiresAt);
    const url = `${origin}/m/checkin?kind=branch&token=${encodeURIComponent(token)}`;
    return { token, url, expiresAt: expiresAt.toISOString(), qrSvg: await qrSvg(url) };
  }

  /** A member scans the code on the meeting's day: recorded once; a repeated scan answers with `created: false`. */
  async checkIn(user: SessionUser, token: string, actor: Actor, now: Date = new Date()) {
    const parsed = parseCheckInToken(token);
    const meeting = parsed ? await this.repo.meetingById(parsed.meetingId) : undefined;
    const check = checkToken(parsed, meeting?.checkin_secret ?? null, now);
    if (!check.ok || !meeting) throw fail(check.ok ? "meeting.checkin_invalid" : check.refusal, [{ field: "token" }]);
    if (meeting.held_on !== localToday(now)) throw fail("meeting.checkin_closed", [{ field: "token" }]);
    const member = await this.repo.memberOfAccount(user);
    if (!member || member.branch_id !== meeting.branch_id) throw fail("party.not_member", [{ field: "token" }]);
    const at = now.toISOString();
    const created = await this.db.transaction().execute(async (trx) => {
      const inserted = await this.repo.insertAttendanceOnce(trx, { meeting_id: meeting.id, member_id: member.id, method: "qr", at });
      if (inserted) {
        await appendAudit(trx, actor, {
          action: "party.meeting_checked_in",
          objectType: "branch_meeting",
          objectId: meeting.id,
          after: { memberId: member.id },
        });
      }
      return inserted;
    });
    return { meetingId: meeting.id, meetingTitle: meeting.title, memberName: member.name, created };
  }

  /** Attendance per member for a year, and the required meetings missing in their ended periods (支部工作条例 第十九条). */
  async attendance(user: SessionUser, branchId: number | undefined, year: number, today = localToday()) {
    let branch: BranchRow;
    if (branchId !== undefined) branch = await this.branchInReach(user, branchId);
    else {
      const mine = (await this.visibleBranches(user)).filter((b) => b.org_unit_id === user.orgUnitId);
      const own = mine[0] ?? (await this.visibleBranches(user))[0];
      if (!own) throw notFound();
      branch = own;
    }
    const meetings = (await this.repo.meetingsOfYear(branch.id, year)).filter((m) => m.status === "held");
    const attendance = await this.repo.attendanceOf(meetings.map((m) => m.id));
    const members = (await this.repo.membersOf([branch.id])).filter(
      (m) => m.joined_on <= `${year}-12-31` && (!m.transferred_out_on || m.transferred_out_on >= `${year}-01-01`),
    );
    const requiredKinds = new Set(["member_meeting", "group_meeting", "party_lecture"]);
    const committee = new Set(["secretary", "deputy_secretary", "committee_member"]);
    const report: z.infer<typeof attendanceReportSchema> = {
      year,
      members: members.map((m) => ({
        memberId: m.id,
        name: m.name,
        attended: attendance.filter((a) => a.member_id === m.id).length,
        required: meetings.filter((x) => requiredKinds.has(x.kind) || (x.kind === "committee_meeting" && committee.has(m.role))).length,
      })),
      missing: [],
    };
    const started = branch.created_at.slice(0, 10);
    for (const req of requiredMeetings) {
      const periods = req.every === "month" ? 12 : 4;
      for (let p = 0; p < periods; p++) {
        const months = req.every === "month" ? 1 : 3;
        const from = `${year}-${String(p * months + 1).padStart(2, "0")}-01`;
        const to = addDays(
          `${p * months + months === 12 ? year + 1 : year}-${String(((p * months + months) % 12) + 1).padStart(2, "0")}-01`,
          -1,
        );
        if (to >= today || to < started) continue;
        if (meetings.some((m) => m.kind === req.kind && m.held_on >= from && m.held_on <= to)) continue;
        report.missing.push({
          kind: req.kind,
          period: req.every === "month" ? from.slice(0, 7) : `${year}-Q${p + 1}`,
          rule: req.rule,
        });
      }
    }
    return report;
  }

  // ---- pioneer posts ----

  async listPosts(user: SessionUser) {
    const branchIds = await this.visibleBranchIds(user);
    return (await this.repo.postsOf({ branchIds })).map(presentPost);
  }

  async publicPosts(stationId: number | undefined) {
    return (await this.repo.postsOf({ stationId, publicOnly: true })).map(presentPost);
  }

  async createPost(user: SessionUser, input: z.output<typeof pioneerPostCreateSchema>, actor: Actor) {
    const id = await this.db.transaction().execute(async (trx) => {
      const member = await this.memberInReach(user, input.memberId, trx);
      if (member.status === "transferred_out") throw fail("party.not_member", [{ field: "memberId" }]);
      const branch = (await this.repo.branchById(member.branch_id, trx)) as BranchRow;
      if (branch.org_kind !== "station") throw fail("party.not_station_branch", [{ field: "memberId" }]);
      const newId = await this.repo.insertPost(trx, {
        member_id: input.memberId,
        station_id: branch.org_unit_id,
        post: input.post,
        duty: input.duty,
        service: input.service,
        show_on_mobile: input.showOnMobile ? 1 : 0,
        active: 1,
        created_at: new Date().toISOString(),
      });
      await appendAudit(trx, actor, {
        action: "party.pioneer_post_created",
        objectType: "pioneer_post",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { memberId: input.memberId, post: input.post },
      });
      return newId;
    });
    return presentPost((await this.repo.postById(id)) as NonNullable<Awaited<ReturnType<PartyRepository["postById"]>>>);
  }

  async updatePost(user: SessionUser, id: number, input: { active?: boolean; showOnMobile?: boolean }, actor: Actor) {
    await this.db.transaction().execute(async (trx) => {
      const post = await this.repo.postById(id, trx);
      if (!post || !(await this.reaches(user, post.branch_id, trx))) throw notFound();
      const values: { active?: number; show_on_mobile?: number } = {};
      if (input.active !== undefined) values.active = input.active ? 1 : 0;
      if (input.showOnMobile !== undefined) values.show_on_mobile = input.showOnMobile ? 1 : 0;
      if (Object.keys(values).length > 0) await this.repo.updatePost(trx, id, values);
      await appendAudit(trx, actor, {
        action: "party.pioneer_post_updated",
        objectType: "pioneer_post",
        objectId: id,
        stationId: post.station_id,
        before: { active: post.active === 1, showOnMobile: post.show_on_mobile === 1 },
        after: input,
      });
    });
    const row = await this.repo.postById(id);
    return presentPost(row as NonNullable<typeof row>);
  }
}
