// Check-in and check-out: the organiser's rotating code for the occurrence's screen, and the volunteer's presence
// taken with it (check-out counting the minutes served within the occurrence's window).
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { manages, refuse, stateOf, volunteerOf } from "./volunteers.access.ts";
import { checkCode, issueCode } from "./volunteers.checkin.ts";
import type { VolunteersRepository } from "./volunteers.repository.ts";
import { signupView } from "./volunteers.views.ts";
import { CHECKIN_EARLY_MINUTES, presenceStep, serviceMinutes } from "./volunteers.workflow.ts";

export class VolunteerAttendanceService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly vault: Vault;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: VolunteersRepository, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.vault = vault;
    this.clock = clock;
  }

  /** The organiser's current code for the occurrence's screen (it turns every minute). */
  async code(user: SessionUser, id: number, origin: string) {
    const now = this.clock.now();
    const row = await this.repo.occurrence(id);
    if (!row || !manages(user, row.station_id)) throw notFound();
    const { code, expiresAt } = issueCode(this.vault, id, now);
    return {
      occurrenceId: id,
      code,
      expiresAt: expiresAt.toISOString(),
      url: `${origin}/m/volunteer-checkin?code=${encodeURIComponent(code)}`,
    };
  }

  async presence(user: SessionUser, occurrenceId: number, kind: "check_in" | "check_out", code: string, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const volunteer = await volunteerOf(this.repo, user);
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || row.station_id !== volunteer.station_id) throw notFound();
    const codeRefusal = checkCode(this.vault, code, occurrenceId, now);
    if (codeRefusal) throw refuse(`volunteer.${codeRefusal}`, {}, "code");
    const id = await this.db.transaction().execute(async (trx) => {
      const signup = await this.repo.liveSignupOf(occurrenceId, volunteer.id, trx);
      const refusal = presenceStep(
        signup ? { status: signup.status, checkedInAt: signup.checked_in_at, checkedOutAt: signup.checked_out_at } : null,
        stateOf(row),
        kind,
        now,
      );
      if (refusal === "checkin_not_open") throw refuse("volunteer.checkin_not_open", { minutes: CHECKIN_EARLY_MINUTES });
      if (refusal || !signup) throw refuse(`volunteer.${refusal ?? "not_signed_up"}`);
      let values: { status?: "attended"; checked_in_at?: string; checked_out_at?: string; minutes?: number; updated_at: string };
      if (kind === "check_in") values = { status: "attended", checked_in_at: at, updated_at: at };
      else {
        const hours = serviceMinutes({ startsAt: row.starts_at, endsAt: row.ends_at }, signup.checked_in_at ?? at, at);
        values = { checked_out_at: at, minutes: hours.minutes, updated_at: at };
      }
      if (!(await this.repo.updateSignup(trx, signup.id, kind === "check_in" ? ["signed_up"] : ["attended"], values))) {
        throw refuse("volunteer.signup_transition");
      }
      await appendAudit(trx, actor, {
        at: now,
        action: kind === "check_in" ? "volunteer_signup.checked_in" : "volunteer_signup.checked_out",
        objectType: "volunteer_signup",
        objectId: signup.id,
        stationId: row.station_id,
        after: values,
      });
      return signup.id;
    });
    return signupView(this.repo, id);
  }
}
