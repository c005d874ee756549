// The Party branch's tables: branches, members, development cases and steps, branch meetings with attendance,
// pioneer posts. Only this file touches them.
import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type {
  AttendanceMethod,
  BranchMeetingKind,
  CaseStatus,
  DevelopmentStage,
  DevelopmentStep,
  MemberRole,
  MemberStatus,
} from "../../../contracts/party.ts";
import { pagedList } from "../../db/paging.ts";
import type { BranchMeetingTable, DB, DevelopmentCaseTable, DevelopmentStepTable, MemberTable, PioneerPostTable } from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

const branchColumns = [
  "b.id",
  "b.org_unit_id",
  "b.parent_id",
  "b.name",
  "b.kind",
  "b.created_at",
  "o.name as org_unit_name",
  "o.path as org_path",
  "o.kind as org_kind",
] as const;

const memberColumns = [
  "m.id",
  "m.branch_id",
  "b.name as branch_name",
  "m.name",
  "m.gender",
  "m.birth_date",
  "m.mobile_enc",
  "m.source_unit",
  "m.status",
  "m.joined_on",
  "m.full_on",
  "m.role",
  "m.party_group",
  "m.merchant_id",
  "mc.name as merchant_name",
  "m.resident_id",
  "m.user_id",
  "m.transferred_in_on",
  "m.transferred_out_on",
  "m.transferred_to",
  "m.version",
] as const;

const caseColumns = [
  "c.id",
  "c.branch_id",
  "b.name as branch_name",
  "c.name",
  "c.gender",
  "c.birth_date",
  "c.mobile_enc",
  "c.merchant_id",
  "c.resident_id",
  "c.stage",
  "c.status",
  "c.extension_months",
  "c.member_id",
  "c.note",
  "c.created_at",
  "c.version",
] as const;

export class PartyRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private branches(db: Db = this.db) {
    return db.selectFrom("branches as b").innerJoin("org_units as o", "o.id", "b.org_unit_id").select(branchColumns);
  }

  /** Branches whose org unit lies under `orgPath` (null: all). */
  async branchesUnder(orgPath: string | null, db: Db = this.db) {
    let q = this.branches(db);
    if (orgPath !== null) q = q.where("o.path", "like", `${orgPath}%`);
    return q.orderBy("o.path").orderBy("b.id").execute();
  }

  async branchById(id: number, db: Db = this.db) {
    return this.branches(db).where("b.id", "=", id).executeTakeFirst();
  }

  async memberCounts(branchIds: number[]) {
    if (branchIds.length === 0) return new Map<number, number>();
    const rows = await this.db
      .selectFrom("members")
      .select(["branch_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("branch_id", "in", branchIds)
      .where("status", "!=", "transferred_out")
      .groupBy("branch_id")
      .execute();
    return new Map(rows.map((r) => [r.branch_id, Number(r.n)]));
  }

  async orgUnit(id: number) {
    return this.db.selectFrom("org_units").select(["id", "path", "kind", "name"]).where("id", "=", id).executeTakeFirst();
  }

  private members(db: Db = this.db) {
    return db
      .selectFrom("members as m")
      .innerJoin("branches as b", "b.id", "m.branch_id")
      .leftJoin("merchants as mc", "mc.id", "m.merchant_id")
      .select(memberColumns);
  }

  async listMembers(
    filter: { branchIds: number[]; status?: MemberStatus; role?: MemberRole; q?: string },
    page: { limit: number; offset: number },
  ) {
    if (filter.branchIds.length === 0) return { rows: [], total: 0, totalCapped: false };
    let q = this.db.selectFrom("members as m").where("m.branch_id", "in", filter.branchIds);
    if (filter.status) q = q.where("m.status", "=", filter.status);
    if (filter.role) q = q.where("m.role", "=", filter.role);
    const text = filter.q;
    return pagedList({
      db: this.db,
      filtered: q,
      text: text ? { columns: ["m.name"], condition: (eb) => eb("m.name", "like", `%${text}%`) } : undefined,
      id: "m.id",
      order: [
        ["m.branch_id", "asc"],
        ["m.id", "asc"],
      ],
      rows: (ids) => this.members().where("m.id", "in", ids).execute(),
      page,
    });
  }

  async membersOf(branchIds: number[], db: Db = this.db) {
    if (branchIds.length === 0) return [];
    return this.members(db).where("m.branch_id", "in", branchIds).orderBy("m.id").execute();
  }

  async memberById(id: number, db: Db = this.db) {
    return this.members(db).where("m.id", "=", id).executeTakeFirst();
  }

  /** The member record of an account: linked by user, or by the account's merchant or resident record. */
  async memberOfAccount(user: { id: number; merchantId: number | null; residentId: number | null }) {
    return this.members()
      .where("m.status", "!=", "transferred_out")
      .where((eb) =>
        eb.or([
          eb("m.user_id", "=", user.id),
          ...(user.merchantId ? [eb("m.merchant_id", "=", user.merchantId)] : []),
          ...(user.residentId ? [eb("m.resident_id", "=", user.residentId)] : []),
        ]),
      )
      .orderBy("m.id")
      .executeTakeFirst();
  }

  async insertMember(db: Db, values: Insertable<MemberTable>) {
    const row = await db.insertInto("members").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async updateMember(db: Db, id: number, version: number | null, values: Updateable<MemberTable>) {
    let q = db
      .updateTable("members")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id);
    if (version !== null) q = q.where("version", "=", version);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private cases(db: Db = this.db) {
    return db.selectFrom("development_cases as c").innerJoin("branches as b", "b.id", "c.branch_id").select(caseColumns);
  }

  async casesOf(filter: { branchIds: number[]; stage?: DevelopmentStage; status?: CaseStatus }) {
    if (filter.branchIds.length === 0) return [];
    let q = this.cases().where("c.branch_id", "in", filter.branchIds);
    if (filter.stage) q = q.where("c.stage", "=", filter.stage);
    if (filter.status) q = q.where("c.status", "=", filter.status);
    return q.orderBy("c.id").execute();
  }

  async caseById(id: number, db: Db = this.db) {
    return this.cases(db).where("c.id", "=", id).executeTakeFirst();
  }

  async activeCases() {
    return this.cases().where("c.status", "=", "active").orderBy("c.id").execute();
  }

  async insertCase(db: Db, values: Insertable<DevelopmentCaseTable>) {
    const row = await db.insertInto("development_cases").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async updateCase(db: Db, id: number, version: number, values: Updateable<DevelopmentCaseTable>) {
    const r = await db
      .updateTable("development_cases")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async stepsOf(caseIds: number[], db: Db = this.db) {
    if (caseIds.length === 0) return [];
    return db.selectFrom("development_steps").selectAll().where("case_id", "in", caseIds).orderBy("on_date").orderBy("id").execute();
  }

  async insertStep(db: Db, values: Insertable<DevelopmentStepTable>) {
    await db.insertInto("development_steps").values(values).execute();
  }

  /** Cases that ever reached a step, per branch. */
  async reachedCounts(branchIds: number[], step: DevelopmentStep) {
    if (branchIds.length === 0) return 0;
    const row = await this.db
      .selectFrom("development_steps as s")
      .innerJoin("development_cases as c", "c.id", "s.case_id")
      .select((eb) => eb.fn.count<number>("s.case_id").distinct().as("n"))
      .where("c.branch_id", "in", branchIds)
      .where("s.step", "=", step)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async listMeetings(
    filter: { branchIds: number[]; kind?: BranchMeetingKind; from?: string; to?: string },
    page: { limit: number; offset: number },
  ) {
    if (filter.branchIds.length === 0) return { rows: [], total: 0, totalCapped: false };
    let q = this.db.selectFrom("branch_meetings").where("branch_id", "in", filter.branchIds);
    if (filter.kind) q = q.where("kind", "=", filter.kind);
    if (filter.from) q = q.where("held_on", ">=", filter.from);
    if (filter.to) q = q.where("held_on", "<=", filter.to);
    return pagedList({
      db: this.db,
      filtered: q,
      id: "id",
      order: [
        ["held_on", "desc"],
        ["id", "desc"],
      ],
      rows: (ids) => this.db.selectFrom("branch_meetings").selectAll().where("id", "in", ids).execute(),
      page,
    });
  }

  async meetingsOfYear(branchId: number, year: number) {
    return this.db
      .selectFrom("branch_meetings")
      .selectAll()
      .where("branch_id", "=", branchId)
      .where("held_on", ">=", `${year}-01-01`)
      .where("held_on", "<=", `${year}-12-31`)
      .orderBy("held_on")
      .execute();
  }

  async meetingById(id: number, db: Db = this.db) {
    return db.selectFrom("branch_meetings").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async insertMeeting(db: Db, values: Insertable<BranchMeetingTable>) {
    const row = await db.insertInto("branch_meetings").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async updateMeeting(db: Db, id: number, version: number, values: Updateable<BranchMeetingTable>) {
    const r = await db
      .updateTable("branch_meetings")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertAttendance(db: Db, rows: { meeting_id: number; member_id: number; method: AttendanceMethod; at: string }[]) {
    if (rows.length > 0) await db.insertInto("branch_attendances").values(rows).execute();
  }

  /** Members already recorded present at a meeting (by QR code before the minutes are written). */
  async presentAt(db: Db, meetingId: number) {
    const rows = await db.selectFrom("branch_attendances").select("member_id").where("meeting_id", "=", meetingId).execute();
    return new Set(rows.map((r) => r.member_id));
  }

  /** Records one attendance; false when the member was already recorded (the unique key decides under races). */
  async insertAttendanceOnce(db: Db, row: { meeting_id: number; member_id: number; method: AttendanceMethod; at: string }) {
    const r = await db
      .insertInto("branch_attendances")
      .values(row)
      .onConflict((oc) => oc.columns(["meeting_id", "member_id"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async attendanceOf(meetingIds: number[]) {
    if (meetingIds.length === 0) return [];
    return this.db
      .selectFrom("branch_attendances as a")
      .innerJoin("members as m", "m.id", "a.member_id")
      .select(["a.meeting_id", "a.member_id", "m.name", "a.at", "a.method"])
      .where("a.meeting_id", "in", meetingIds)
      .orderBy("a.id")
      .execute();
  }

  private posts(db: Db = this.db) {
    return db
      .selectFrom("pioneer_posts as p")
      .innerJoin("members as m", "m.id", "p.member_id")
      .select([
        "p.id",
        "p.member_id",
        "m.name as member_name",
        "m.branch_id",
        "p.station_id",
        "p.post",
        "p.duty",
        "p.service",
        "p.show_on_mobile",
        "p.active",
      ]);
  }

  async postsOf(filter: { branchIds?: number[]; stationId?: number; publicOnly?: boolean }) {
    let q = this.posts();
    if (filter.branchIds) {
      if (filter.branchIds.length === 0) return [];
      q = q.where("m.branch_id", "in", filter.branchIds);
    }
    if (filter.stationId !== undefined) q = q.where("p.station_id", "=", filter.stationId);
    if (filter.publicOnly) q = q.where("p.active", "=", 1).where("p.show_on_mobile", "=", 1).where("m.status", "!=", "transferred_out");
    return q.orderBy("p.id").execute();
  }

  async postById(id: number, db: Db = this.db) {
    return this.posts(db).where("p.id", "=", id).executeTakeFirst();
  }

  async insertPost(db: Db, values: Insertable<PioneerPostTable>) {
    const row = await db.insertInto("pioneer_posts").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async updatePost(db: Db, id: number, values: Updateable<PioneerPostTable>) {
    await db.updateTable("pioneer_posts").set(values).where("id", "=", id).execute();
  }

  /** Accounts to remind for a branch: members of it holding the secretary role with an account, else the org's secretaries. */
  async secretariesOf(branchId: number, orgUnitId: number, db: Db = this.db) {
    const linked = await db
      .selectFrom("members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("u.id")
      .where("m.branch_id", "=", branchId)
      .where("m.role", "in", ["secretary", "deputy_secretary"])
      .where("m.status", "!=", "transferred_out")
      .where("u.status", "=", "active")
      .execute();
    if (linked.length > 0) return linked.map((r) => r.id);
    const rows = await db
      .selectFrom("users")
      .select("id")
      .where("org_unit_id", "=", orgUnitId)
      .where("role", "=", "branch_secretary")
      .where("status", "=", "active")
      .execute();
    return rows.map((r) => r.id);
  }

  /** The branches' meetings (held or scheduled) dated within [from, to]. */
  meetingsBetween(branchIds: number[], from: string, to: string, db: Db = this.db) {
    if (branchIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("branch_meetings")
      .select(["branch_id", "kind", "held_on", "status"])
      .where("branch_id", "in", branchIds)
      .where("held_on", ">=", from)
      .where("held_on", "<=", to)
      .execute();
  }

  async remindedSince(db: Db, userId: number, link: string, since: string, kind = "party.development_due") {
    const row = await db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", userId)
      .where("kind", "=", kind)
      .where("link", "=", link)
      .where("created_at", ">=", since)
      .executeTakeFirst();
    return !!row;
  }
}

export type BranchRow = Awaited<ReturnType<PartyRepository["branchesUnder"]>>[number];
export type MemberRow = NonNullable<Awaited<ReturnType<PartyRepository["memberById"]>>>;
export type CaseRow = NonNullable<Awaited<ReturnType<PartyRepository["caseById"]>>>;
export type StepRow = Awaited<ReturnType<PartyRepository["stepsOf"]>>[number];
export type MeetingRow = NonNullable<Awaited<ReturnType<PartyRepository["meetingById"]>>>;
export type AttendanceRow = Awaited<ReturnType<PartyRepository["attendanceOf"]>>[number];
export type PostRow = NonNullable<Awaited<ReturnType<PartyRepository["postById"]>>>;
