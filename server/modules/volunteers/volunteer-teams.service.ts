// Volunteers and teams: registration (with consent and the station's next volunteer number), the lists, and team
// memberships a volunteer requests, the team's leader or the station's staff decide, and the volunteer leaves.
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { membershipDecisionSchema, volunteerListQuery, volunteerRegisterSchema } from "../../../contracts/volunteers.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { manages, refuse, volunteerOf } from "./volunteers.access.ts";
import { presentMembership, presentTeam, presentVolunteer } from "./volunteers.presenter.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { volunteerView } from "./volunteers.views.ts";

export class VolunteerTeamsService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: VolunteersRepository, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
  }

  async register(user: SessionUser, input: z.output<typeof volunteerRegisterSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    if (!input.consent) throw refuse("volunteer.consent_required", {}, "consent");
    const stationId = (await this.repo.userStation(user.id)) ?? user.stationIds?.[0] ?? null;
    if (stationId === null) throw notFound();
    if (await this.repo.volunteerOfUser(user.id)) throw refuse("volunteer.already_registered");
    const id = await this.db.transaction().execute(async (trx) => {
      const number = await this.repo.takeNumber(trx, stationId, at);
      let volunteerId: number;
      try {
        volunteerId = await this.repo.insertVolunteer(trx, {
          station_id: stationId,
          user_id: user.id,
          number,
          real_name: input.realName,
          skills: JSON.stringify(input.skills),
          political_status: input.politicalStatus,
          consent_at: at,
          created_at: at,
          updated_at: at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("volunteer.already_registered");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer.registered",
        objectType: "volunteer",
        objectId: volunteerId,
        stationId,
        after: { number, politicalStatus: input.politicalStatus, consentAt: at },
      });
      return volunteerId;
    });
    return volunteerView(this.repo, id);
  }

  async volunteers(user: SessionUser, query: z.output<typeof volunteerListQuery>) {
    const { rows, total } = await this.repo.listVolunteers(
      { stationIds: stationFilter(user, query.stationId), teamId: query.teamId, q: query.q, politicalStatus: query.politicalStatus },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    const memberships = await this.repo.membershipsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => presentVolunteer(r, memberships)), total, page: query.page, pageSize: query.pageSize };
  }

  async teams(user: SessionUser, stationId?: number) {
    return (await this.repo.teams(stationFilter(user, stationId))).map(presentTeam);
  }

  async teamMembers(user: SessionUser, teamId: number) {
    const team = await this.repo.team(teamId);
    if (!team || !reachesStation(user, team.station_id)) throw notFound();
    return (await this.repo.teamMemberships(teamId)).map(presentMembership);
  }

  async requestMembership(user: SessionUser, teamId: number, actor: Actor) {
    const now = this.clock.now();
    const volunteer = await volunteerOf(this.repo, user);
    const team = await this.repo.team(teamId);
    if (!team || team.station_id !== volunteer.station_id) throw refuse("volunteer.bad_team", {}, "teamId");
    const id = await this.db.transaction().execute(async (trx) => {
      let membershipId: number;
      try {
        membershipId = await this.repo.insertMembership(trx, {
          team_id: teamId,
          volunteer_id: volunteer.id,
          status: "requested",
          requested_at: now.toISOString(),
          decided_at: null,
          decided_by_user_id: null,
          left_at: null,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw refuse("volunteer.membership_exists", {}, "teamId");
        throw error;
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_membership.requested",
        objectType: "volunteer_membership",
        objectId: membershipId,
        stationId: team.station_id,
        after: { teamId, volunteerId: volunteer.id },
      });
      return membershipId;
    });
    return this.membershipView(id);
  }

  private async membershipView(id: number) {
    const row = await this.repo.membership(id);
    if (!row) throw notFound();
    return presentMembership(row);
  }

  /** The team's leader (a volunteer) or the station's staff approve or reject a join request. */
  async decideMembership(user: SessionUser, id: number, input: z.output<typeof membershipDecisionSchema>, actor: Actor) {
    const now = this.clock.now();
    const m = await this.repo.membership(id);
    if (!m || !reachesStation(user, m.station_id)) throw notFound();
    if (!manages(user, m.station_id)) {
      const me = await this.repo.volunteerOfUser(user.id);
      if (!me || me.id !== m.leader_volunteer_id) throw refuse("volunteer.not_leader");
    }
    const status = input.approve ? ("approved" as const) : ("rejected" as const);
    await this.db.transaction().execute(async (trx) => {
      const ok = await this.repo.setMembershipStatus(trx, id, ["requested"], {
        status,
        decided_at: now.toISOString(),
        decided_by_user_id: user.id,
      });
      if (!ok) throw refuse("volunteer.membership_transition");
      await appendAudit(trx, actor, {
        at: now,
        action: `volunteer_membership.${status}`,
        objectType: "volunteer_membership",
        objectId: id,
        stationId: m.station_id,
        before: { status: m.status },
        after: { status },
      });
    });
    return this.membershipView(id);
  }

  /** A volunteer leaves a team (or withdraws a pending request). */
  async leaveMembership(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const m = await this.repo.membership(id);
    if (!m || m.user_id !== user.id) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setMembershipStatus(trx, id, ["requested", "approved"], { status: "left", left_at: now.toISOString() }))) {
        throw refuse("volunteer.membership_transition");
      }
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_membership.left",
        objectType: "volunteer_membership",
        objectId: id,
        stationId: m.station_id,
        before: { status: m.status },
        after: { status: "left" },
      });
    });
    return this.membershipView(id);
  }
}
