// Sign-in with lock-out, the caller's own profile, and the management of accounts, roles and unit memberships.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { assignableRoles } from "../../../contracts/access.ts";
import type { Me } from "../../../contracts/auth.ts";
import { PASSWORD_HISTORY, passwordProblem, passwordRuleErrors } from "../../../contracts/passwords.ts";
import type { User, UserUpdate, userCreateSchema } from "../../../contracts/users.ts";
import { isMainlandMobile } from "../../../contracts/validators.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { SessionStore } from "../../platform/auth.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { AppError, conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "../../platform/passwords.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { presentMe, presentUser } from "./accounts.presenter.ts";
import { AccountsRepository, type UserRow } from "./accounts.repository.ts";

const LOCK_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

/** An org unit's station: itself when it is one, else none (a street, the district). */
const stationIdOf = (org: { id: number; kind: string } | undefined): number | null => (org?.kind === "station" ? org.id : null);

export class AccountsService {
  private readonly repo: AccountsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly sessions: SessionStore;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, vault: Vault, sessions: SessionStore, clock: Clock) {
    this.db = db;
    this.repo = new AccountsRepository(db);
    this.vault = vault;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * A failed attempt is recorded before the password is checked, under a lock per identifier, so parallel
   * guesses cannot slip past the limit. Unknown users get the same answer, timing and lock-out as known ones.
   */
  async login(username: string, password: string, ip: string, userAgent: string | undefined) {
    const identifier = username.trim().toLowerCase();
    const now = this.clock.now();
    const attemptId = await this.db.transaction().execute(async (trx) => {
      await this.repo.lockIdentifier(trx, identifier);
      const failures = await this.repo.recentFailures(trx, identifier, new Date(now.getTime() - LOCK_WINDOW_MS).toISOString());
      if (failures >= MAX_FAILURES) return null;
      return this.repo.recordAttempt(trx, identifier, ip, now.toISOString());
    });
    if (attemptId === null) throw fail("auth.locked");
    const mobileHash = isMainlandMobile(identifier) ? this.vault.blindIndex(identifier) : null;
    const user = await this.repo.findForLogin(identifier, mobileHash);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok) throw fail("auth.invalid_credentials");
    if (user.status !== "active") throw fail("auth.disabled");
    await this.repo.markAttemptSucceeded(attemptId);
    await this.repo.touchLogin(user.id, now.toISOString());
    const { token, csrfToken } = await this.sessions.create(user.id, ip, userAgent);
    await this.db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          { userId: user.id, name: null, role: user.role, ip },
          { at: now, action: "auth.login", objectType: "user", objectId: user.id },
        ),
      );
    return { userId: user.id, token, csrfToken };
  }

  async me(userId: number, stationIds: number[] | null): Promise<Me> {
    const row = await this.repo.findById(userId);
    if (!row) throw notFound();
    const stations = await this.repo.stationNames(stationIds);
    return presentMe(row, stations, this.vault);
  }

  async logout(user: SessionUser, actor: Actor) {
    const now = this.clock.now();
    await this.sessions.destroy(user.sessionId);
    await this.db
      .transaction()
      .execute((trx) => appendAudit(trx, actor, { at: now, action: "auth.logout", objectType: "user", objectId: user.id }));
  }

  async changePassword(user: SessionUser, currentPassword: string, newPassword: string, actor: Actor) {
    const now = this.clock.now();
    const row = await this.repo.findPasswordHash(user.id);
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      throw new AppError("auth.wrong_password", [{ field: "currentPassword" }]);
    }
    const mobile = row.mobile_enc ? this.vault.decrypt(row.mobile_enc) : null;
    await this.checkNewPassword("newPassword", newPassword, { id: user.id, username: row.username, mobile, hash: row.password_hash });
    const hash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.setPassword(trx, user.id, hash, now.toISOString(), PASSWORD_HISTORY);
      await appendAudit(trx, actor, { at: now, action: "user.password_changed", objectType: "user", objectId: user.id });
    });
    await this.sessions.destroyAllFor(user.id, user.sessionId);
  }

  async setLocale(user: SessionUser, locale: "zh-CN" | "en") {
    await this.repo.setLocale(user.id, locale);
    this.sessions.forget(user.id);
  }

  private orgPathFilter(user: SessionUser): string | null {
    return user.role === "platform_admin" ? null : user.orgPath;
  }

  async list(
    user: SessionUser,
    query: {
      q?: string;
      role?: User["role"];
      status?: User["status"];
      allianceUnitId?: number;
      page: number;
      pageSize: number;
      sort?: string;
      order: "asc" | "desc";
    },
  ) {
    const { items, total } = await this.repo.list(
      {
        stationIds: user.stationIds,
        orgPath: this.orgPathFilter(user),
        q: query.q,
        role: query.role,
        status: query.status,
        allianceUnitId: query.allianceUnitId,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize, sort: query.sort ?? "id", order: query.order },
    );
    return { items: items.map((r) => presentUser(r, this.vault)), total, page: query.page, pageSize: query.pageSize };
  }

  private visible(user: SessionUser, row: UserRow | undefined): UserRow {
    if (!row) throw notFound();
    const path = this.orgPathFilter(user);
    if (path !== null && !row.org_path.startsWith(path)) throw notFound();
    return row;
  }

  async get(user: SessionUser, id: number): Promise<User> {
    return presentUser(this.visible(user, await this.repo.findById(id)), this.vault);
  }

  /** The station an account belongs to (its audit entries go to that station's log), null above the stations. */
  private async stationOf(orgUnitId: number, db: Kysely<DB>): Promise<number | null> {
    return stationIdOf(await this.repo.orgUnit(orgUnitId, db));
  }

  /** The org unit an account is placed in, refused outside the caller's reach; answers it (its kind and id). */
  private async checkPlacement(user: SessionUser, db: Kysely<DB>, orgUnitId: number, allianceUnitId: number | null | undefined) {
    const org = await this.repo.orgUnit(orgUnitId, db);
    const path = this.orgPathFilter(user);
    if (!org || (path !== null && !org.path.startsWith(path))) throw invalidField("orgUnitId", "v.invalid_value");
    if (allianceUnitId) {
      const unit = await this.repo.allianceUnitStation(allianceUnitId, db);
      if (!unit || (user.stationIds !== null && !user.stationIds.includes(unit.station_id))) {
        throw invalidField("allianceUnitId", "v.invalid_value");
      }
    }
    return org;
  }

  async create(user: SessionUser, input: z.output<typeof userCreateSchema>, actor: Actor): Promise<User> {
    if (!assignableRoles(user.role).includes(input.role)) throw fail("user.role_not_assignable", [{ field: "role" }]);
    await this.checkNewPassword("password", input.password, { username: input.username, mobile: input.mobile });
    const hash = await hashPassword(input.password);
    const at = this.clock.now();
    const now = at.toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const org = await this.checkPlacement(user, trx, input.orgUnitId, input.allianceUnitId);
        if (await this.repo.usernameTaken(trx, input.username.toLowerCase())) {
          throw fail("user.username_taken", [{ field: "username" }]);
        }
        const mobileHash = input.mobile ? this.vault.blindIndex(input.mobile) : null;
        if (mobileHash && (await this.repo.mobileTaken(trx, mobileHash))) {
          throw fail("user.mobile_taken", [{ field: "mobile" }]);
        }
        const newId = await this.repo.insert(trx, {
          username: input.username.toLowerCase(),
          display_name: input.displayName,
          password_hash: hash,
          role: input.role,
          org_unit_id: input.orgUnitId,
          alliance_unit_id: input.allianceUnitId,
          merchant_id: input.merchantId,
          resident_id: input.residentId,
          mobile_enc: input.mobile ? this.vault.encrypt(input.mobile) : null,
          mobile_hash: mobileHash,
          status: "active",
          locale: "zh-CN",
          last_login_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        });
        const created = await this.repo.findById(newId, trx);
        await appendAudit(trx, actor, {
          at,
          action: "user.created",
          objectType: "user",
          objectId: newId,
          stationId: stationIdOf(org),
          after: created ? presentUser(created, this.vault) : null,
        });
        return newId;
      });
      return this.get(user, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("user.username_taken", [{ field: "username" }]);
      throw error;
    }
  }

  async update(user: SessionUser, id: number, input: UserUpdate, actor: Actor): Promise<User> {
    if (input.role && !assignableRoles(user.role).includes(input.role)) {
      throw fail("user.role_not_assignable", [{ field: "role" }]);
    }
    if (input.status === "disabled" && id === user.id) throw fail("user.cannot_disable_self");
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const before = this.visible(user, await this.repo.findById(id, trx));
      if (!assignableRoles(user.role).includes(before.role)) throw fail("user.role_not_assignable");
      if (input.orgUnitId !== undefined || input.allianceUnitId) {
        await this.checkPlacement(user, trx, input.orgUnitId ?? before.org_unit_id, input.allianceUnitId);
      }
      const values: Parameters<AccountsRepository["update"]>[3] = { updated_at: now.toISOString() };
      if (input.displayName !== undefined) values.display_name = input.displayName;
      if (input.role !== undefined) values.role = input.role;
      if (input.orgUnitId !== undefined) values.org_unit_id = input.orgUnitId;
      if (input.allianceUnitId !== undefined) values.alliance_unit_id = input.allianceUnitId;
      if (input.merchantId !== undefined) values.merchant_id = input.merchantId;
      if (input.residentId !== undefined) values.resident_id = input.residentId;
      if (input.status !== undefined) values.status = input.status;
      if (input.mobile !== undefined) {
        const mobileHash = input.mobile ? this.vault.blindIndex(input.mobile) : null;
        if (mobileHash && (await this.repo.mobileTaken(trx, mobileHash, id))) {
          throw fail("user.mobile_taken", [{ field: "mobile" }]);
        }
        values.mobile_enc = input.mobile ? this.vault.encrypt(input.mobile) : null;
        values.mobile_hash = mobileHash;
      }
      if (!(await this.repo.update(trx, id, input.version, values))) throw conflict();
      const after = await this.repo.findById(id, trx);
      await appendAudit(trx, actor, {
        at: now,
        action:
          input.status && input.status !== before.status ? `user.${input.status === "active" ? "enabled" : "disabled"}` : "user.updated",
        objectType: "user",
        objectId: id,
        stationId: await this.stationOf(after?.org_unit_id ?? before.org_unit_id, trx),
        before: presentUser(before, this.vault),
        after: after ? presentUser(after, this.vault) : null,
      });
    });
    await this.sessions.destroyAllFor(id);
    return this.get(user, id);
  }

  async resetPassword(user: SessionUser, id: number, password: string, actor: Actor) {
    const now = this.clock.now();
    const target = this.visible(user, await this.repo.findById(id));
    if (!assignableRoles(user.role).includes(target.role)) throw fail("user.role_not_assignable");
    const mobile = target.mobile_enc ? this.vault.decrypt(target.mobile_enc) : null;
    const current = await this.repo.findPasswordHash(id);
    await this.checkNewPassword("password", password, { id, username: target.username, mobile, hash: current?.password_hash });
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.setPassword(trx, id, hash, now.toISOString(), PASSWORD_HISTORY);
      await appendAudit(trx, actor, {
        at: now,
        action: "user.password_reset",
        objectType: "user",
        objectId: id,
        stationId: await this.stationOf(target.org_unit_id, trx),
      });
    });
    await this.sessions.destroyAllFor(id);
  }

  /**
   * The policy (contracts/passwords.ts), then, for an existing account, neither its current password nor one of the
   * last five: each refusal is its own catalogue id naming the field.
   */
  private async checkNewPassword(
    field: string,
    password: string,
    account: { id?: number; username: string; mobile: string | null; hash?: string },
  ) {
    const broken = passwordProblem(password, account);
    if (broken) throw fail(passwordRuleErrors[broken].id, [{ field, key: passwordRuleErrors[broken].key }]);
    if (account.id === undefined) return;
    const earlier = [...(account.hash ? [account.hash] : []), ...(await this.repo.earlierPasswords(account.id, PASSWORD_HISTORY))];
    for (const hash of earlier) {
      if (await verifyPassword(password, hash)) {
        throw fail(passwordRuleErrors.reused.id, [{ field, key: passwordRuleErrors.reused.key }]);
      }
    }
  }
}
