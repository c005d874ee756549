// Discount cards (优惠卡): issued to award winners or by staff, revocable, shown by the holder's phone as a
// rotating signed QR code (one presentation, usable once, for about a minute), or printed with a PIN.
import { randomBytes, randomInt } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { stationDate, stationMonth } from "../../../contracts/calendar.ts";
import type { AwardCategory, Card, cardIssueSchema, cardListQuery, cardRevokeSchema } from "../../../contracts/caring.ts";
import type { NoticeId, NoticeParams } from "../../../contracts/notices.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import type { Notifier, Outbox } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { assertStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { renderCardPdf } from "./cards.pdf.ts";
import { type CardRow, CardsRepository, type Used } from "./cards.repository.ts";
import { presentCard } from "./caring.presenter.ts";
import { canRevoke, presentationToken } from "./redemption.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;
type IssueInput = z.output<typeof cardIssueSchema>;
type ListQuery = z.output<typeof cardListQuery>;

/** How long one QR code or short code stays usable. */
export const PRESENTATION_TTL_MS = 60_000;

export interface IssueValues {
  stationId: number;
  residentId: number;
  roundId: number | null;
  category: AwardCategory;
  validFrom: string;
  validTo: string;
  monthlyCapFen: number | null;
  monthlyCapUses: number | null;
}

export type { CardRow, Used };

export class CardsService {
  readonly repo: CardsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly notifier: Notifier;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, vault: Vault, notifier: Notifier, clock: Clock) {
    this.db = db;
    this.repo = new CardsRepository(db);
    this.vault = vault;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** Tells the holder's own accounts (users linked to the resident) about a new card, inside the transaction. */
  async tellHolder(trx: Db, outbox: Outbox, residentId: number, stationId: number, notice: NoticeId, params: NoticeParams) {
    await outbox.addMany(trx, await this.repo.holderUserIds(trx, residentId), {
      kind: "card.issued",
      notice,
      params: { ...params, station: await this.repo.stationName(stationId, trx) },
      link: "/m/cards",
    });
  }

  /** The holder's phone number (for the last-four-digits PIN); never shown to a shop. */
  holderMobile(row: CardRow): string | null {
    return row.holder_mobile_enc ? this.vault.decrypt(row.holder_mobile_enc) : null;
  }

  /** One card's uses and discount in a month (YYYY-MM). */
  async usedIn(cardId: number, month: string, db: Db = this.db): Promise<Used> {
    return (await this.repo.usedIn([cardId], month, db)).get(cardId) ?? { uses: 0, discountFen: 0 };
  }

  private async present(rows: CardRow[], masked: boolean, now: Date, db: Db = this.db): Promise<Card[]> {
    const used = await this.repo.usedIn(
      rows.map((r) => r.id),
      stationMonth(now),
      db,
    );
    const today = stationDate(now);
    return rows.map((r) => presentCard(r, used, today, masked));
  }

  /** Issues one card inside the caller's transaction (an award or a staff issue) at `at`; returns its id and number. */
  async issueIn(trx: Db, v: IssueValues, actor: Actor, at: Date): Promise<{ id: number; cardNo: string }> {
    const now = at.toISOString();
    const { id, cardNo } = await this.repo.insertCard(
      trx,
      {
        station_id: v.stationId,
        card_no: `TMP-${randomBytes(9).toString("base64url")}`,
        resident_id: v.residentId,
        round_id: v.roundId,
        category: v.category,
        valid_from: v.validFrom,
        valid_to: v.validTo,
        status: "active",
        monthly_cap_fen: v.monthlyCapFen,
        monthly_cap_uses: v.monthlyCapUses,
        pin_hash: null,
        qr_secret: randomBytes(32).toString("base64url"),
        revoked_reason: null,
        created_at: now,
        updated_at: now,
      },
      (cardId) => `DC${v.validFrom.slice(0, 4)}${String(cardId).padStart(6, "0")}`,
    );
    await appendAudit(trx, actor, {
      at,
      action: "card.issued",
      objectType: "discount_card",
      objectId: id,
      stationId: v.stationId,
      after: { cardNo, residentId: v.residentId, roundId: v.roundId, category: v.category, validFrom: v.validFrom, validTo: v.validTo },
    });
    return { id, cardNo };
  }

  async list(user: SessionUser, query: ListQuery) {
    const now = this.clock.now();
    const { rows, total, totalCapped } = await this.repo.list({
      stationIds: stationFilter(user, query.stationId),
      category: query.category,
      status: query.status,
      today: stationDate(now),
      q: query.q,
      order: query.order,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return pageAnswer(await this.present(rows, !can(user.role, "personal.unmask"), now), { total, totalCapped }, query);
  }

  async get(user: SessionUser, id: number): Promise<Card> {
    const row = await this.visibleRow(user, id);
    const [card] = await this.present([row], !can(user.role, "personal.unmask"), this.clock.now());
    return card;
  }

  private async visibleRow(user: SessionUser, id: number, db: Db = this.db) {
    const row = await this.repo.findRow(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async issue(user: SessionUser, input: IssueInput, actor: Actor): Promise<Card> {
    const resident = await this.repo.resident(input.residentId);
    if (!resident) throw notFound();
    assertStation(user, resident.station_id);
    const at = this.clock.now();
    const outbox = this.notifier.outbox();
    const { id } = await this.db.transaction().execute(async (trx) => {
      const card = await this.issueIn(
        trx,
        {
          stationId: resident.station_id,
          residentId: resident.id,
          roundId: null,
          category: input.category,
          validFrom: input.validFrom,
          validTo: input.validTo,
          monthlyCapFen: input.monthlyCapFen,
          monthlyCapUses: input.monthlyCapUses,
        },
        actor,
        at,
      );
      await this.tellHolder(trx, outbox, resident.id, resident.station_id, "card.issued", {
        cardNo: card.cardNo,
        from: input.validFrom,
        to: input.validTo,
      });
      return card;
    });
    await outbox.deliver();
    return this.get(user, id);
  }

  async revoke(user: SessionUser, id: number, input: z.output<typeof cardRevokeSchema>, actor: Actor): Promise<Card> {
    const at = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRow(user, id, trx);
      if (!canRevoke(row.status)) throw fail("card.not_active");
      if (!(await this.repo.revoke(trx, id, input.version, input.reason, at.toISOString()))) throw conflict();
      await appendAudit(trx, actor, {
        at,
        action: "card.revoked",
        objectType: "discount_card",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: "revoked", reason: input.reason },
      });
    });
    return this.get(user, id);
  }

  /** Staff set a printed card's PIN (stored as a scrypt hash; the last four digits of the phone keep working). */
  async setPin(user: SessionUser, id: number, pin: string, actor: Actor) {
    const row = await this.visibleRow(user, id);
    const hash = await hashPassword(pin);
    const at = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.setPinHash(trx, id, hash, at.toISOString());
      await appendAudit(trx, actor, { at, action: "card.pin_set", objectType: "discount_card", objectId: id, stationId: row.station_id });
    });
    return { ok: true as const };
  }

  /** The signed-in holder's cards (holder = the resident linked to the account). */
  async mine(user: SessionUser): Promise<Card[]> {
    if (!user.residentId) return [];
    return this.present(await this.repo.ofResident(user.residentId), false, this.clock.now());
  }

  async ownRow(user: SessionUser, id: number) {
    const row = await this.repo.findRow(id);
    if (!row || !user.residentId || row.resident_id !== user.residentId) throw notFound();
    return row;
  }

  /** A fresh one-time presentation for the holder's phone: a signed token for the QR and a six-digit code. */
  async presentation(user: SessionUser, id: number) {
    const row = await this.ownRow(user, id);
    if (row.status !== "active") throw fail("card.not_active");
    const now = this.clock.now();
    const today = stationDate(now);
    if (today < row.valid_from || today > row.valid_to) throw fail("card.expired");
    const nowIso = now.toISOString();
    const expiresAt = new Date(now.getTime() + PRESENTATION_TTL_MS).toISOString();
    const jti = randomBytes(18).toString("base64url");
    for (let attempt = 0; attempt < 20; attempt++) {
      const shortCode = String(randomInt(0, 1_000_000)).padStart(6, "0");
      if (await this.repo.shortCodeLive(shortCode, nowIso)) continue;
      await this.repo.insertPresentation({
        jti,
        card_id: id,
        short_code: shortCode,
        expires_at: expiresAt,
        used_at: null,
        created_at: nowIso,
      });
      return { token: presentationToken(row.qr_secret, jti), shortCode, expiresAt };
    }
    throw fail("unavailable");
  }

  async printedPdf(user: SessionUser, id: number): Promise<{ pdf: Buffer; cardNo: string }> {
    const row = await this.visibleRow(user, id);
    const pdf = await renderCardPdf({
      stationName: await this.repo.stationName(row.station_id),
      holderName: row.holder_name,
      cardNo: row.card_no,
      category: row.category,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    });
    return { pdf, cardNo: row.card_no };
  }
}
