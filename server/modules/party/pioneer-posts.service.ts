// Pioneer posts (党员先锋岗): members of a station's branch on duty at a post, listed for the branch and shown
// publicly on /m/ with the member's name only.
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { pioneerPostCreateSchema } from "../../../contracts/party.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { fail, notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { presentPost } from "./party.presenter.ts";
import type { BranchRow, PartyRepository, PostRow } from "./party.repository.ts";
import type { BranchScope } from "./party.scope.ts";

export class PioneerPostsService {
  private readonly db: Kysely<DB>;
  private readonly repo: PartyRepository;
  private readonly scope: BranchScope;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: PartyRepository, scope: BranchScope, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.scope = scope;
    this.clock = clock;
  }

  async list(user: SessionUser) {
    const branchIds = await this.scope.visibleBranchIds(user);
    return (await this.repo.postsOf({ branchIds })).map(presentPost);
  }

  async listPublic(stationId: number | undefined) {
    return (await this.repo.postsOf({ stationId, publicOnly: true })).map(presentPost);
  }

  async create(user: SessionUser, input: z.output<typeof pioneerPostCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const member = await this.scope.memberInReach(user, input.memberId, trx);
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
        created_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "party.pioneer_post_created",
        objectType: "pioneer_post",
        objectId: newId,
        stationId: branch.org_unit_id,
        after: { memberId: input.memberId, post: input.post },
      });
      return newId;
    });
    return presentPost((await this.repo.postById(id)) as PostRow);
  }

  async update(user: SessionUser, id: number, input: { active?: boolean; showOnMobile?: boolean }, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const post = await this.repo.postById(id, trx);
      if (!post || !(await this.scope.reaches(user, post.branch_id, trx))) throw notFound();
      const values: { active?: number; show_on_mobile?: number } = {};
      if (input.active !== undefined) values.active = input.active ? 1 : 0;
      if (input.showOnMobile !== undefined) values.show_on_mobile = input.showOnMobile ? 1 : 0;
      if (Object.keys(values).length > 0) await this.repo.updatePost(trx, id, values);
      await appendAudit(trx, actor, {
        at: now,
        action: "party.pioneer_post_updated",
        objectType: "pioneer_post",
        objectId: id,
        stationId: post.station_id,
        before: { active: post.active === 1, showOnMobile: post.show_on_mobile === 1 },
        after: input,
      });
    });
    return presentPost((await this.repo.postById(id)) as PostRow);
  }
}
