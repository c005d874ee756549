// Overdue loans: each borrower is reminded once (their accounts, when they have one) and the station's staff get
// the list of loans that became overdue. Run by the job at its instant, and by staff on demand.
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit, systemActor } from "../../platform/audit.ts";
import { type Notifier, staffOfStation } from "../../platform/notify.ts";
import { stationStamp } from "./lending.presenter.ts";
import type { LendingRepository, LoanRow } from "./lending.repository.ts";

export class OverdueReminders {
  private readonly db: Kysely<DB>;
  private readonly repo: LendingRepository;
  private readonly notifier: Notifier;

  constructor(db: Kysely<DB>, repo: LendingRepository, notifier: Notifier) {
    this.db = db;
    this.repo = repo;
    this.notifier = notifier;
  }

  /**
   * Reminds each overdue loan's borrower once (their accounts, when they have one) and tells the station's staff
   * which loans became overdue; reminded_at, set with `where reminded_at is null`, stops repeats across nodes.
   */
  async remind(now: Date, opts: { stationIds?: number[] | null; actor?: Actor } = {}) {
    const due = await this.repo.dueReminders(opts.stationIds ?? null, now.toISOString());
    const at = now.toISOString();
    let reminded = 0;
    let notified = 0;
    const byStation = new Map<number, LoanRow[]>();
    for (const loan of due) {
      const outbox = this.notifier.outbox();
      const done = await this.db.transaction().execute(async (trx) => {
        if (!(await this.repo.markReminded(trx, loan.id, at))) return false;
        const accounts = await this.repo.accountsOf(
          loan.borrower_kind,
          (loan.borrower_kind === "merchant" ? loan.merchant_id : loan.resident_id) ?? 0,
          trx,
        );
        await outbox.addMany(trx, accounts, {
          kind: "loan.overdue",
          notice: "loan.overdue",
          params: {
            item: loan.item_name,
            code: loan.item_code,
            due: stationStamp(loan.due_at),
            station: (await this.repo.stationName(loan.station_id, trx))?.name ?? "",
          },
          link: "/m/loans",
        });
        await appendAudit(trx, opts.actor ?? systemActor, {
          at: now,
          action: "loan.reminded",
          objectType: "loan",
          objectId: loan.id,
          stationId: loan.station_id,
          after: { remindedAt: at, accounts: accounts.length },
        });
        return true;
      });
      if (!done) continue;
      reminded++;
      notified += outbox.size;
      await outbox.deliver();
      byStation.set(loan.station_id, [...(byStation.get(loan.station_id) ?? []), loan]);
    }
    for (const [stationId, loans] of byStation) {
      const outbox = this.notifier.outbox();
      await this.db.transaction().execute(async (trx) => {
        const staff = await staffOfStation(trx, stationId);
        const shown = loans.slice(0, 10);
        const lines = {
          "zh-CN": shown.map((l) => `${l.item_code} ${l.borrower_name ?? ""}（应还 ${stationStamp(l.due_at)}）`).join("；"),
          en: shown.map((l) => `${l.item_code} ${l.borrower_name ?? ""} (due ${stationStamp(l.due_at)})`).join("; "),
        };
        const more = loans.length > 10 ? { "zh-CN": ` 等 ${loans.length} 件`, en: ` and more, ${loans.length} in all` } : "";
        await outbox.addMany(trx, staff, {
          kind: "loan.overdue_list",
          notice: "loan.overdue_list",
          params: { count: loans.length, lines, more },
          link: "/services/lending?tab=loans&view=overdue",
        });
      });
      notified += outbox.size;
      await outbox.deliver();
    }
    const overdue = await this.repo.countOverdue(opts.stationIds ?? null, at);
    return { reminded, overdue, notified };
  }
}
