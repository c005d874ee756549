// Policies and relief: the station's catalogue of policy items with their guide and eligibility conditions, the
// notices to eligible merchants when a policy opens and before its deadline, relief applications (the merchant's
// own on the phone, or staff on a merchant's behalf) through review, approval with the amount, disbursement and
// closing, and each policy's coverage: merchants reached, amounts, and the eligible merchants not reached.
// One transaction per change with its audit entry; `now` read once per change; notices delivered after the commit.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type {
  Coverage,
  EligibilityCondition,
  policyActionSchema,
  policyCreateSchema,
  policyListQuery,
  ReliefEvent,
  ReliefStatus,
  ReliefStep,
  reliefApplySchema,
  reliefListQuery,
} from "../../../contracts/economy.ts";
import type { NoticeId } from "../../../contracts/notices.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, conflict, fail, notFound } from "../../platform/errors.ts";
import type { FilesService } from "../../platform/files.ts";
import type { Job } from "../../platform/jobs.ts";
import type { Notifier, Outbox } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { manages, readsMerchantRecord, refuse } from "./economy.access.ts";
import { eligibilityOf, presentPolicy, presentRelief } from "./economy.presenter.ts";
import type { Db, EconomyRepository, MerchantFactRow, PolicyRow, ReliefChange } from "./economy.repository.ts";
import {
  checkDisbursement,
  inProgress,
  type MerchantFacts,
  policyAccepts,
  policyNext,
  REMINDER_DAYS,
  reached,
  reliefNext,
  unmetConditions,
  withinCap,
} from "./economy.workflow.ts";

const factsOf = (m: MerchantFactRow): MerchantFacts => ({
  category: m.category,
  status: m.status,
  hasStall: Number(m.has_stall) === 1,
  registeredOn: stationDate(m.created_at),
  licenceValidFrom: m.licence_valid_from,
  licenceValidTo: m.licence_valid_to,
});

const conditionWords: Record<EligibilityCondition, string> = {
  category: "行业/category",
  status: "经营状态/status",
  stall: "摊位/stall",
  registered: "登记日期/registration date",
  licence: "营业执照/licence",
};

const stepWords: Record<ReliefEvent, { "zh-CN": string; en: string }> = {
  review: { "zh-CN": "已通过初审", en: "it has been reviewed" },
  approve: { "zh-CN": "已核准", en: "it has been approved" },
  reject: { "zh-CN": "未获批准", en: "it was not approved" },
  disburse: { "zh-CN": "已拨付", en: "the money has been paid out" },
  close: { "zh-CN": "已办结", en: "it is closed" },
  withdraw: { "zh-CN": "已撤回", en: "it was withdrawn" },
};

export class ReliefService {
  private readonly db: Kysely<DB>;
  private readonly repo: EconomyRepository;
  private readonly clock: Clock;
  private readonly notifier: Notifier | null;
  private readonly files: FilesService | null;

  constructor(db: Kysely<DB>, repo: EconomyRepository, clock: Clock, notifier: Notifier | null, files: FilesService | null) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
    this.notifier = notifier;
    this.files = files;
    files?.allowReaders("relief", async (user, id) => {
      const r = await this.repo.relief(id);
      return !!r && readsMerchantRecord(user, r);
    });
  }

  private outbox(): Outbox | null {
    return this.notifier?.outbox() ?? null;
  }

  // Policies -------------------------------------------------------------------------------------------------------

  async policies(user: SessionUser, query: z.output<typeof policyListQuery>) {
    const { rows, total } = await this.repo.policies(stationFilter(user, query.stationId), query);
    return { items: rows.map(presentPolicy), total, page: query.page, pageSize: query.pageSize };
  }

  async policy(user: SessionUser, id: number) {
    const p = await this.repo.policy(id);
    if (!p || !reachesStation(user, p.station_id)) throw notFound();
    return presentPolicy(p);
  }

  async createPolicy(user: SessionUser, input: z.output<typeof policyCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const stationId = targetStation(user, input.stationId);
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insertPolicy(trx, {
        station_id: stationId,
        kind: input.kind,
        title: input.title,
        beneficiaries: input.beneficiaries,
        conditions: input.conditions,
        amounts: input.amounts,
        where_to_apply: input.whereToApply,
        contact: input.contact,
        opens_on: input.opensOn,
        deadline: input.deadline,
        cap_fen: input.capFen,
        eligibility: JSON.stringify(input.eligibility),
        status: "draft",
        opened_notified_at: null,
        reminded_at: null,
        created_by_user_id: user.id,
        created_at: at,
        updated_at: at,
      });
      await appendAudit(trx, actor, { at: now, action: "policy.created", objectType: "policy", objectId: id, stationId, after: input });
      return id;
    });
    return this.policy(user, id);
  }

  /** Opens (telling the eligible merchants at once when its dates have begun) or closes a policy. */
  async movePolicy(user: SessionUser, id: number, input: z.output<typeof policyActionSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const outbox = this.outbox();
    await this.db.transaction().execute(async (trx) => {
      const p = await this.repo.policy(id, trx);
      if (!p || !reachesStation(user, p.station_id)) throw notFound();
      const next = policyNext(p.status, input.action);
      if (!next.ok) throw refuse(next.refusal);
      if (p.version !== input.version) throw conflict();
      if ((await this.repo.updatePolicy(trx, id, p.version, { status: next.value, updated_at: at })) === 0) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: `policy.${input.action === "open" ? "opened" : "closed"}`,
        objectType: "policy",
        objectId: id,
        stationId: p.station_id,
        before: { status: p.status },
        after: { status: next.value },
      });
      const today = stationDate(now);
      if (next.value === "open" && p.opens_on <= today && today <= p.deadline && outbox) {
        await this.announce(trx, { ...p, status: "open" }, "opened_notified_at", at, outbox);
      }
    });
    await outbox?.deliver();
    return this.policy(user, id);
  }

  /** Tells a policy's eligible merchants (for the reminder: those who have not applied), marking it sent once. */
  private async announce(trx: Db, p: PolicyRow, column: "opened_notified_at" | "reminded_at", at: string, outbox: Outbox) {
    if ((await this.repo.markNotice(trx, p.id, column, at)) === 0) return 0;
    const eligibility = eligibilityOf(p);
    const facts = await this.repo.merchantFacts(p.station_id, trx);
    let eligible = facts.filter((m) => unmetConditions(eligibility, factsOf(m)).length === 0).map((m) => m.id);
    if (column === "reminded_at") {
      const applied = new Set(
        (await this.repo.reliefsOfPolicy(p.id, trx))
          .filter((r) => r.status !== "withdrawn" && r.status !== "rejected")
          .map((r) => r.merchant_id),
      );
      eligible = eligible.filter((id) => !applied.has(id));
    }
    const users = await this.repo.merchantUsers(eligible, trx);
    const notice: NoticeId = column === "opened_notified_at" ? "economy.policy_opened" : "economy.policy_deadline";
    await outbox.addMany(
      trx,
      users.map((u) => u.id),
      {
        kind: notice,
        notice,
        params: { title: p.title, deadline: p.deadline, where: p.where_to_apply },
        link: `/m/relief?policy=${p.id}`,
      },
    );
    return users.length;
  }

  /** The notices' job: policies opening today (or opened earlier and not yet announced), and deadlines a week off. */
  async announceDue(now: Date) {
    const at = now.toISOString();
    const today = stationDate(now);
    const due = await this.repo.policiesToAnnounce(today, addDays(today, REMINDER_DAYS));
    let told = 0;
    for (const [column, list] of [
      ["opened_notified_at", due.opened],
      ["reminded_at", due.reminders],
    ] as const) {
      for (const p of list) {
        const outbox = this.outbox();
        if (!outbox) continue;
        told += await this.db.transaction().execute(async (trx) => {
          const count = await this.announce(trx, p, column, at, outbox);
          if (count > 0) {
            await appendAudit(trx, systemActor, {
              at: now,
              action: column === "opened_notified_at" ? "policy.announced" : "policy.reminded",
              objectType: "policy",
              objectId: p.id,
              stationId: p.station_id,
              after: { merchantsTold: count },
            });
          }
          return count;
        });
        await outbox.deliver();
      }
    }
    return { told };
  }

  jobs(): Job[] {
    return [{ name: "economy.policy_notices", everyMs: 60 * 60_000, run: (now) => this.announceDue(now) }];
  }

  // Relief -------------------------------------------------------------------------------------------------------------

  async reliefs(user: SessionUser, query: z.output<typeof reliefListQuery>) {
    const { rows, total } = await this.repo.reliefs(stationFilter(user, query.stationId), query);
    return { items: rows.map(presentRelief), total, page: query.page, pageSize: query.pageSize };
  }

  async relief(user: SessionUser, id: number) {
    const r = await this.repo.relief(id);
    if (!r || !readsMerchantRecord(user, r)) throw notFound();
    return presentRelief(r);
  }

  /** The merchant's own application on the phone, or staff's on a merchant's behalf (`merchantId`). */
  async apply(user: SessionUser, input: z.output<typeof reliefApplySchema>, actor: Actor, channel: "phone" | "staff") {
    const now = this.clock.now();
    const at = now.toISOString();
    const merchantId = channel === "phone" ? user.merchantId : input.merchantId;
    if (merchantId === null) throw notFound();
    if (merchantId === undefined) throw fail("request.invalid", [{ field: "merchantId", key: "v.required" }]);
    const id = await this.db.transaction().execute(async (trx) => {
      const merchant = await this.repo.merchantFact(merchantId, trx);
      if (!merchant) throw refuse("economy.no_merchant", {}, "merchantId");
      if (channel === "staff" && !manages(user, merchant.station_id)) throw refuse("economy.no_merchant", {}, "merchantId");
      const p = await this.repo.policy(input.policyId, trx);
      if (!p || p.station_id !== merchant.station_id) throw refuse("economy.bad_policy", {}, "policyId");
      const today = stationDate(now);
      if (!policyAccepts({ status: p.status, opensOn: p.opens_on, deadline: p.deadline }, today)) {
        throw new AppError("economy.policy_not_open", [{ field: "policyId" }], { opensOn: p.opens_on, deadline: p.deadline });
      }
      const unmet = unmetConditions(eligibilityOf(p), factsOf(merchant));
      if (unmet.length > 0) {
        throw new AppError("economy.not_eligible", [{ field: "policyId" }], { unmet: unmet.map((c) => conditionWords[c]).join("、") });
      }
      const cap = withinCap(input.requestedFen, p.cap_fen, "requestedFen");
      if (!cap.ok) throw refuse(cap.refusal, cap.params, cap.field);
      let id: number;
      try {
        id = await this.repo.insertRelief(trx, {
          station_id: merchant.station_id,
          policy_id: p.id,
          merchant_id: merchant.id,
          status: "applied",
          channel,
          requested_fen: input.requestedFen,
          reason: input.reason,
          document_ids: "[]",
          applied_by_user_id: user.id,
          applied_at: at,
          reviewed_at: null,
          reviewed_by_user_id: null,
          review_note: null,
          approved_fen: null,
          approved_at: null,
          approved_by_user_id: null,
          rejected_reason: null,
          disbursed_fen: null,
          disbursed_on: null,
          payer: null,
          loan_principal_fen: null,
          loan_rate_bp: null,
          loan_subsidy_fen: null,
          loan_term_months: null,
          disbursed_at: null,
          disbursed_by_user_id: null,
          closed_at: null,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("economy.already_applied", {}, "policyId");
        throw error;
      }
      const docs = await this.attach(trx, input.documentIds, user.id, id);
      if (docs.length) await this.repo.setReliefDocuments(trx, id, docs);
      await appendAudit(trx, actor, {
        at: now,
        action: "relief.applied",
        objectType: "relief",
        objectId: id,
        stationId: merchant.station_id,
        after: { policyId: p.id, merchantId: merchant.id, channel, requestedFen: input.requestedFen, documents: docs.length },
      });
      return id;
    });
    const r = await this.repo.relief(id);
    if (!r) throw notFound();
    return presentRelief(r);
  }

  private async attach(trx: Db, ids: string[], userId: number, reliefId: number) {
    if (ids.length === 0) return [];
    if (!this.files) throw refuse("economy.bad_file", {}, "documentIds");
    return this.files.attach(trx, ids, userId, `relief:${reliefId}`, "documentIds");
  }

  /** A step of the application: review, approve (with the amount), reject, disburse, close, or withdraw. */
  async step(user: SessionUser, id: number, input: ReliefStep, actor: Actor, own = false) {
    const now = this.clock.now();
    const at = now.toISOString();
    const outbox = this.outbox();
    await this.db.transaction().execute(async (trx) => {
      const r = await this.repo.relief(id, trx);
      if (!r) throw notFound();
      if (own ? user.merchantId !== r.merchant_id : !manages(user, r.station_id)) throw notFound();
      const p = await this.repo.policy(r.policy_id, trx);
      if (!p) throw notFound();
      const before = { status: r.status, approvedFen: r.approved_fen, disbursedFen: r.disbursed_fen };
      let change: ReliefChange;
      let next: ReliefStatus;
      if (input.action === "disburse") {
        const d = checkDisbursement({ status: r.status, approvedFen: r.approved_fen }, p.kind, input);
        if (!d.ok) throw refuse(d.refusal, d.params, d.field);
        next = d.value;
        const docs = await this.attach(trx, input.documentIds, user.id, r.id);
        change = {
          status: next,
          disbursed_fen: input.disbursedFen,
          disbursed_on: input.disbursedOn,
          payer: input.payer,
          loan_principal_fen: input.loan?.principalFen ?? null,
          loan_rate_bp: input.loan?.rateBp ?? null,
          loan_subsidy_fen: input.loan?.subsidyFen ?? null,
          loan_term_months: input.loan?.termMonths ?? null,
          disbursed_at: at,
          disbursed_by_user_id: user.id,
          document_ids: JSON.stringify([...(JSON.parse(r.document_ids) as string[]), ...docs]),
          updated_at: at,
        };
      } else {
        const moved = reliefNext(r.status, input.action);
        if (!moved.ok) throw refuse(moved.refusal, moved.params);
        next = moved.value;
        change = { status: next, updated_at: at };
        if (input.action === "review") Object.assign(change, { reviewed_at: at, reviewed_by_user_id: user.id, review_note: input.note });
        if (input.action === "approve") {
          const cap = withinCap(input.approvedFen, p.cap_fen, "approvedFen");
          if (!cap.ok) throw refuse(cap.refusal, cap.params, cap.field);
          Object.assign(change, { approved_fen: input.approvedFen, approved_at: at, approved_by_user_id: user.id });
        }
        if (input.action === "reject") change.rejected_reason = input.reason;
        if (input.action === "close") change.closed_at = at;
      }
      if (r.version !== input.version) throw conflict();
      if ((await this.repo.updateRelief(trx, r.id, r.version, change)) === 0) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: `relief.${input.action}`,
        objectType: "relief",
        objectId: r.id,
        stationId: r.station_id,
        before,
        after: { ...input, status: next },
      });
      if (outbox && !own) {
        const users = await this.repo.merchantUsers([r.merchant_id], trx);
        await outbox.addMany(
          trx,
          users.map((u) => u.id),
          {
            kind: "economy.relief_step",
            notice: "economy.relief_step",
            params: { title: p.title, step: stepWords[input.action] },
            link: "/m/relief",
          },
        );
      }
    });
    await outbox?.deliver();
    return this.relief(user, id);
  }

  // Coverage ------------------------------------------------------------------------------------------------------------

  /** Who a policy reached, with what, and the merchants it is for that it has not reached. */
  async coverage(user: SessionUser, policyId: number): Promise<Coverage> {
    const p = await this.repo.policy(policyId);
    if (!p || !reachesStation(user, p.station_id)) throw notFound();
    const eligibility = eligibilityOf(p);
    const facts = await this.repo.merchantFacts(p.station_id);
    const apps = await this.repo.reliefsOfPolicy(p.id);
    const latest = new Map<number, (typeof apps)[number]>();
    for (const a of apps) latest.set(a.merchant_id, a); // in application order: the last one stands
    const reachedIds = new Set(apps.filter((a) => reached(a.status)).map((a) => a.merchant_id));
    let disbursedFen = 0;
    let subsidyFen = 0;
    let approvedFen = 0;
    for (const a of apps) {
      if (reached(a.status)) {
        disbursedFen += a.disbursed_fen ?? 0;
        subsidyFen += a.loan_subsidy_fen ?? 0;
      }
      if (a.status === "approved" || reached(a.status)) approvedFen += a.approved_fen ?? 0;
    }
    const eligible = facts.filter((m) => unmetConditions(eligibility, factsOf(m)).length === 0);
    const eligibleIds = new Set(eligible.map((m) => m.id));
    return {
      policy: presentPolicy(p),
      eligible: eligible.length,
      reached: reachedIds.size,
      disbursedFen,
      subsidyFen,
      approvedFen,
      inProgress: apps.filter((a) => inProgress(a.status)).length,
      notReached: eligible
        .filter((m) => !reachedIds.has(m.id))
        .map((m) => ({ merchantId: m.id, name: m.name, category: m.category, applicationStatus: latest.get(m.id)?.status ?? null })),
      reachedNotEligible: [...reachedIds].filter((id) => !eligibleIds.has(id)).length,
    };
  }

  // The merchant's phone --------------------------------------------------------------------------------------------------

  async mine(user: SessionUser) {
    if (user.merchantId === null) return { merchant: null, policies: [], applications: [] };
    const merchant = await this.repo.merchantFact(user.merchantId);
    if (!merchant) return { merchant: null, policies: [], applications: [] };
    const facts = factsOf(merchant);
    const today = stationDate(this.clock.now());
    const open = (await this.repo.openPolicies(merchant.station_id)).filter((p) =>
      policyAccepts({ status: p.status, opensOn: p.opens_on, deadline: p.deadline }, today),
    );
    const apps = await this.repo.reliefsOfMerchant(merchant.id);
    return {
      merchant: { id: merchant.id, name: merchant.name },
      policies: open.map((p) => {
        const unmet = unmetConditions(eligibilityOf(p), facts);
        return { ...presentPolicy(p), eligible: unmet.length === 0, unmet };
      }),
      applications: apps.map(presentRelief),
    };
  }
}
