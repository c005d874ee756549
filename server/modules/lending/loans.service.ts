// Reading loans: the station's loan list and its sheet, the borrowers to lend to, and a resident's or merchant's
// own loans on the phone. Overdue is always as of the operation's instant, read once from the clock.
import type { z } from "zod";
import { stationDayBounds } from "../../../contracts/calendar.ts";
import type { borrowerQuery, LendKind, loanListQuery } from "../../../contracts/lending.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { pageAnswer } from "../../platform/page.ts";
import { type SessionUser, stationFilter } from "../../platform/scope.ts";
import { presentBorrower, presentLoan, presentLoanExportRow } from "./lending.presenter.ts";
import type { LendingRepository, LoanFilter } from "./lending.repository.ts";

type LoanListQuery = z.output<typeof loanListQuery>;
type BorrowerQuery = z.output<typeof borrowerQuery>;

export class LoansService {
  private readonly repo: LendingRepository;
  private readonly vault: Vault;
  private readonly clock: Clock;

  constructor(repo: LendingRepository, vault: Vault, clock: Clock) {
    this.repo = repo;
    this.vault = vault;
    this.clock = clock;
  }

  private loanFilter(user: SessionUser, query: Partial<LoanListQuery>, now: Date): LoanFilter {
    return {
      stationIds: stationFilter(user, query.stationId),
      view: query.view,
      kind: query.kind,
      borrowerKind: query.borrowerKind,
      q: query.q,
      from: query.from ? stationDayBounds(query.from)[0] : undefined,
      to: query.to ? stationDayBounds(query.to)[1] : undefined,
      now: now.toISOString(),
    };
  }

  async loans(user: SessionUser, query: LoanListQuery) {
    const now = this.clock.now();
    const { rows, total, totalCapped } = await this.repo.listLoans(this.loanFilter(user, query, now), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return pageAnswer(
      rows.map((r) => presentLoan(r, now)),
      { total, totalCapped },
      query,
    );
  }

  async *exportRows(user: SessionUser, query: Partial<LoanListQuery>) {
    const now = this.clock.now();
    for await (const rows of this.repo.iterateLoans(this.loanFilter(user, query, now))) {
      yield rows.map((r) => presentLoanExportRow(r, now));
    }
  }

  /** Residents and merchants of the station to lend to, searchable by name (merchants also by operator). */
  async borrowers(user: SessionUser, query: BorrowerQuery) {
    const stationIds = stationFilter(user, query.stationId);
    const [residents, merchants] = await Promise.all([
      this.repo.searchResidents(stationIds, query.q, 15),
      this.repo.searchMerchants(stationIds, query.q, 15),
    ]);
    const [rOpen, mOpen] = await Promise.all([
      this.repo.openLoanCounts(
        "resident",
        residents.map((r) => r.id),
      ),
      this.repo.openLoanCounts(
        "merchant",
        merchants.map((m) => m.id),
      ),
    ]);
    return [
      ...residents.map((row) => presentBorrower({ kind: "resident", row }, rOpen.get(row.id) ?? 0, this.vault)),
      ...merchants.map((row) => presentBorrower({ kind: "merchant", row }, mOpen.get(row.id) ?? 0, this.vault)),
    ];
  }

  /** The phone: the signed-in resident's or merchant's loans, and umbrellas and bikes on their station's shelf now. */
  async mine(user: SessionUser) {
    const now = this.clock.now();
    const none = user.residentId === null && user.merchantId === null;
    const rows = none
      ? []
      : await this.repo.allLoans(
          { stationIds: null, residentId: user.residentId, merchantId: user.merchantId, now: now.toISOString() },
          50,
        );
    const counts = await this.repo.statusCounts(user.stationIds);
    const available = (kind: LendKind) => counts.find((c) => c.kind === kind && c.status === "available")?.n ?? 0;
    const loans = rows.map((r) => presentLoan(r, now));
    // Open ones first (overdue at the top), then the history.
    const rank = (l: (typeof loans)[number]) => (l.status === "out" ? (l.overdue ? 0 : 1) : 2);
    loans.sort((a, b) => rank(a) - rank(b) || b.lentAt.localeCompare(a.lentAt));
    return { loans, available: { umbrella: available("umbrella"), bike: available("bike") } };
  }
}
