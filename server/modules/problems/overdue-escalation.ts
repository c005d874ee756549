// Problems past their due date: staff of the station are told once, and each goes onto the next joint meeting's
// agenda when the escalation target (the meetings module) offers one. Run by the job and on demand.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { type Notifier, staffOfStation } from "../../platform/notify.ts";
import type { EscalationTarget } from "./escalation.ts";
import type { ProblemsRepository } from "./problems.repository.ts";

export class OverdueEscalation {
  private readonly db: Kysely<DB>;
  private readonly repo: ProblemsRepository;
  private readonly notifier: Notifier;
  private target: EscalationTarget | null;

  constructor(db: Kysely<DB>, repo: ProblemsRepository, notifier: Notifier, target: EscalationTarget | null) {
    this.db = db;
    this.repo = repo;
    this.notifier = notifier;
    this.target = target;
  }

  setTarget(target: EscalationTarget) {
    this.target = target;
  }

  /**
   * Running problems past their due date at `now`: staff of the station are told once (an `overdue` event), and
   * each is put on the next joint meeting's agenda when the escalation target offers one (`escalated_meeting_id`).
   */
  async escalate(now: Date, actor: Actor) {
    const rows = await this.repo.overdue(now.toISOString());
    let flagged = 0;
    let escalated = 0;
    for (const r of rows) {
      const outbox = this.notifier.outbox();
      await this.db.transaction().execute(async (trx) => {
        if (!r.flagged) {
          flagged++;
          await this.repo.insertEvent(trx, {
            problem_id: r.id,
            action: "overdue",
            from_status: r.status,
            to_status: r.status,
            note: null,
            actor_user_id: null,
            actor_name: null,
            unit_id: r.unit_id,
            at: now.toISOString(),
          });
          await outbox.addMany(trx, await staffOfStation(trx, r.station_id), {
            kind: "problem.overdue",
            notice: "problem.overdue",
            params: { title: r.title, code: r.code, station: r.station_name },
            link: `/problems/${r.id}`,
          });
        }
        let meetingId: number | null = null;
        if (this.target) {
          const agenda = await this.target.agendaFor(trx, r.station_id, now);
          if (agenda && (await this.repo.setEscalated(trx, r.id, agenda.meetingId))) {
            await this.target.addProblem(trx, agenda.meetingId, { id: r.id, code: r.code, title: r.title });
            meetingId = agenda.meetingId;
            escalated++;
          }
        }
        if (!r.flagged || meetingId !== null) {
          await appendAudit(trx, actor, {
            at: now,
            action: "problem.escalated",
            objectType: "problem",
            objectId: r.id,
            stationId: r.station_id,
            after: { dueAt: r.due_at, meetingId },
          });
        }
      });
      await outbox.deliver();
    }
    return { overdue: rows.length, flagged, escalated };
  }
}
