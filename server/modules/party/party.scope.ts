// Which branches an account reaches: those whose org unit is the account's or below it (everything for the
// platform admin). Records of a branch out of reach answer 404. Shared by the Party module's services.

import { notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { BranchRow, Db, PartyRepository } from "./party.repository.ts";

export class BranchScope {
  private readonly repo: PartyRepository;

  constructor(repo: PartyRepository) {
    this.repo = repo;
  }

  private path(user: SessionUser): string | null {
    return user.role === "platform_admin" ? null : user.orgPath;
  }

  /** Whether an org unit's path lies in the account's reach. */
  coversPath(user: SessionUser, orgPath: string): boolean {
    const path = this.path(user);
    return path === null || orgPath.startsWith(path);
  }

  async visibleBranches(user: SessionUser, db?: Db): Promise<BranchRow[]> {
    return this.repo.branchesUnder(this.path(user), db);
  }

  /** The ids of the branches in reach, or just `requested` when it is one of them (none when it is not). */
  async visibleBranchIds(user: SessionUser, requested?: number): Promise<number[]> {
    const ids = (await this.visibleBranches(user)).map((b) => b.id);
    if (requested === undefined) return ids;
    return ids.includes(requested) ? [requested] : [];
  }

  async reaches(user: SessionUser, branchId: number, db?: Db): Promise<boolean> {
    const b = await this.repo.branchById(branchId, db);
    return !!b && this.coversPath(user, b.org_path);
  }

  /** The branch, if in reach; else 404. */
  async branchInReach(user: SessionUser, branchId: number, db?: Db): Promise<BranchRow> {
    const b = await this.repo.branchById(branchId, db);
    if (!b || !this.coversPath(user, b.org_path)) throw notFound();
    return b;
  }

  /** The member, if their branch is in reach; else 404. */
  async memberInReach(user: SessionUser, id: number, db?: Db) {
    const row = await this.repo.memberById(id, db);
    if (!row || !(await this.reaches(user, row.branch_id, db))) throw notFound();
    return row;
  }
}
