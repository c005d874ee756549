// The branches in reach and their members: registering, editing and transferring members out, and a member's
// own record for the signed-in account.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationDate } from "../../../contracts/calendar.ts";
import type { Member, memberCreateSchema, memberListQuery, memberTransferSchema, memberUpdateSchema } from "../../../contracts/party.ts";
import type { RecordEntry } from "../../../contracts/volunteer-records.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { presentBranch, presentMember, seesBirthDate } from "./party.presenter.ts";
import type { PartyRepository } from "./party.repository.ts";
import type { BranchScope } from "./party.scope.ts";

/**
 * The volunteer service's final hours of accounts (VolunteersService.hoursOfUsers, wired in server/services.ts): a
 * member's volunteering belongs in their Party record.
 */
export type VolunteerHoursReader = (
  userIds: number[],
  period: { from: string; to: string },
) => Promise<
  { userId: number; volunteer: { id: number; number: string; stationId: number }; minutes: number; hours: number; entries: RecordEntry[] }[]
>;

type MemberCreate = z.output<typeof memberCreateSchema>;
type MemberUpdate = z.output<typeof memberUpdateSchema>;

export class MembersService {
  private readonly db: Kysely<DB>;
  private readonly repo: PartyRepository;
  private readonly scope: BranchScope;
  private readonly vault: Vault;
  private readonly clock: Clock;
  private volunteerHours: VolunteerHoursReader | null = null;

  constructor(db: Kysely<DB>, repo: PartyRepository, scope: BranchScope, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.scope = scope;
    this.vault = vault;
    this.clock = clock;
  }

  async branches(user: SessionUser) {
    const rows = await this.scope.visibleBranches(user);
    const counts = await this.repo.memberCounts(rows.map((r) => r.id));
    return rows.map((r) => presentBranch(r, counts.get(r.id) ?? 0));
  }

  async list(user: SessionUser, query: z.output<typeof memberListQuery>) {
    const branchIds = await this.scope.visibleBranchIds(user, query.branchId);
    const { rows, total, totalCapped } = await this.repo.listMembers(
      { branchIds, status: query.status, role: query.role, q: query.q || undefined },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return pageAnswer(
      rows.map((r) => presentMember(r, this.vault, seesBirthDate(user))),
      { total, totalCapped },
      query,
    );
  }

  async get(user: SessionUser, id: number): Promise<Member> {
    return presentMember(await this.scope.memberInReach(user, id), this.vault, seesBirthDate(user));
  }

  /** Reads members' volunteer hours through the volunteer service. */
  setVolunteerHoursReader(reader: VolunteerHoursReader) {
    this.volunteerHours = reader;
  }

  /** A member's final volunteer hours over a period (default: this year up to today), for their Party record. */
  async volunteerHoursOf(user: SessionUser, id: number, query: { from?: string; to?: string }) {
    const member = await this.scope.memberInReach(user, id);
    const today = stationDate(this.clock.now());
    const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
    const found = member.user_id !== null && this.volunteerHours ? (await this.volunteerHours([member.user_id], period))[0] : undefined;
    return {
      memberId: member.id,
      volunteer: found?.volunteer ?? null,
      ...period,
      minutes: found?.minutes ?? 0,
      hours: found?.hours ?? 0,
      entries: found?.entries ?? [],
    };
  }

  /** The member record of the signed-in account, or 404: members see only their own. */
  /** The account's own member record; null (not an error) when the account is not a Party member. */
  async own(user: SessionUser): Promise<Member | null> {
    const row = await this.repo.memberOfAccount(user);
    // The member's own record: their own date of birth.
    return row ? presentMember(row, this.vault, true) : null;
  }

  async create(user: SessionUser, input: MemberCreate, actor: Actor): Promise<Member> {
    const now = this.clock.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const branch = await this.scope.branchInReach(user, input.branchId, trx);
      if (input.status === "full" && input.fullOn && input.fullOn < input.joinedOn) {
        throw fail("request.invalid", [{ field: "fullOn", key: "v.date_order" }]);
      }
      const stamp = now.toISOString();
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
        created_at: stamp,
        updated_at: stamp,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "party.member_created",
        objectType: "member",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { name: input.name, branchId: input.branchId, status: input.status, role: input.role },
      });
      return newId;
    });
    return this.get(user, id);
  }

  async update(user: SessionUser, id: number, input: MemberUpdate, actor: Actor): Promise<Member> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.scope.memberInReach(user, id, trx);
      const values: Parameters<PartyRepository["updateMember"]>[3] = { updated_at: now.toISOString() };
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
        at: now,
        action: "party.member_updated",
        objectType: "member",
        objectId: id,
        before: { name: row.name, role: row.role },
        after: { ...changed, ...(mobile !== undefined ? { mobile: "changed" } : {}) },
      });
    });
    return this.get(user, id);
  }

  async transfer(user: SessionUser, id: number, input: z.output<typeof memberTransferSchema>, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.scope.memberInReach(user, id, trx);
      if (row.status === "transferred_out") throw fail("party.already_transferred", [{ field: "direction" }]);
      const ok = await this.repo.updateMember(trx, id, input.version, {
        status: "transferred_out",
        transferred_out_on: input.on,
        transferred_to: input.toOrganisation,
        updated_at: now.toISOString(),
      });
      if (!ok) throw conflict();
      await appendAudit(trx, actor, {
        at: now,
        action: "party.member_transferred_out",
        objectType: "member",
        objectId: id,
        before: { status: row.status },
        after: { status: "transferred_out", on: input.on, to: input.toOrganisation },
      });
    });
    return this.get(user, id);
  }
}
