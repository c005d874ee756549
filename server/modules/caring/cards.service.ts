// Discount cards (优惠卡): issued to award winners or by staff, revocable, shown by the holder's phone as a
// rotating signed QR code (one presentation, usable once, for about a minute), or printed with a PIN.
import { randomBytes, randomInt } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import type { AwardCategory, Card, cardIssueSchema, cardListQuery, cardRevokeSchema } from "../../../contracts/caring.ts";
import { pageRows } from "../../db/paging.ts";
import { prepared } from "../../db/prepared.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Vault } from "../../platform/crypto.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import type { Notifier, Outbox } from "../../platform/notify.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { assertStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { renderCardPdf } from "./cards.pdf.ts";
import { canRevoke, presentationToken, shownCardStatus } from "./redemption.workflow.ts";
import { chinaToday, maskName } from "./rounds.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;
type IssueInput = z.output<typeof cardIssueSchema>;
type ListQuery = z.output<typeof cardListQuery>;

/** How long one QR code or short code stays usable. */
export const PRESENTATION_TTL_MS = 60_000;

const columns = [
  "c.id",
  "c.station_id",
  "c.card_no",
  "c.resident_id",
  "r.name as holder_name",
  "r.mobile_enc as holder_mobile_enc",
  "c.category",
  "c.valid_from",
  "c.valid_to",
  "c.status",
  "c.monthly_cap_fen",
  "c.monthly_cap_uses",
  "c.pin_hash",
  "c.qr_secret",
  "c.revoked_reason",
  "c.version",
] as const;

const cardsWithHolders = (db: Db) => db.selectFrom("discount_cards as c").innerJoin("residents as r", "r.id", "c.resident_id");

// The statements of every redemption, compiled once (server/db/prepared.ts).
const presentationWithCard = prepared((db, v: { jti: string }) =>
  cardsWithHolders(db)
    .innerJoin("card_presentations as p", "p.card_id", "c.id")
    .select(columns)
    .select(["p.jti", "p.expires_at", "p.used_at"])
    .where("p.jti", "=", v.jti),
);
const lockedCard = prepared((db, v: { id: number }, dialect) => {
  const q = cardsWithHolders(db).select(columns).where("c.id", "=", v.id);
  return dialect === "postgres" ? q.forUpdate(["c"]) : q;
});
const usedByCard = prepared((db, v: { cardId: number; month: string }) =>
  db
    .selectFrom("redemptions")
    .select([(eb) => eb.fn.countAll<number>().as("uses"), (eb) => eb.fn.sum<number>("discount_fen").as("discount")])
    .where("card_id", "=", v.cardId)
    .where("month", "=", v.month),
);

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

export type CardRow = NonNullable<Awaited<ReturnType<CardsService["findRow"]>>>;

/** The current month in China (YYYY-MM). */
export const chinaMonth = (now: Date = new Date()) => chinaToday(now).slice(0, 7);

export class CardsService {
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly notifier: Notifier;
  constructor(db: Kysely<DB>, vault: Vault, notifier: Notifier) {
    this.db = db;
    this.vault = vault;
    this.notifier = notifier;
  }

  /** Tells the holder's own accounts (users linked to the resident) about a new card, inside the transaction. */
  async tellHolder(trx: Db, outbox: Outbox, residentId: number, text: { title: string; body: string }) {
    const holders = await trx
      .selectFrom("users")
      .select("id")
      .where("resident_id", "=", residentId)
      .where("status", "=", "active")
      .execute();
    await outbox.addMany(
      trx,
      holders.map((h) => h.id),
      { kind: "card.issued", title: text.title, body: text.body, link: "/m/cards" },
    );
  }

  private base(db: Db) {
    return cardsWithHolders(db);
  }

  findRow(id: number, db: Db = this.db) {
    return this.base(db).select(columns).where("c.id", "=", id).executeTakeFirst();
  }

  findByNo(cardNo: string, db: Db = this.db) {
    return this.base(db).select(columns).where("c.card_no", "=", cardNo).executeTakeFirst();
  }

  /** A presentation (by jti) with its card in one round trip. */
  async withPresentation(jti: string, db: Db = this.db) {
    return (await presentationWithCard(db, { jti })).rows[0];
  }

  /** The holder's phone number (for the last-four-digits PIN); never shown to a shop. */
  holderMobile(row: CardRow): string | null {
    return row.holder_mobile_enc ? this.vault.decrypt(row.holder_mobile_enc) : null;
  }

  /** This month's uses and discount per card. */
  async usedThisMonth(cardIds: number[], db: Db = this.db, month = chinaMonth()) {
    const used = new Map<number, { uses: number; discountFen: number }>();
    if (cardIds.length === 0) return used;
    if (cardIds.length === 1) {
      // One card (every redemption asks): a compiled statement.
      const [one] = (await usedByCard(db, { cardId: cardIds[0], month })).rows;
      if (one && Number(one.uses) > 0) used.set(cardIds[0], { uses: Number(one.uses), discountFen: Number(one.discount ?? 0) });
      return used;
    }
    const rows = await db
      .selectFrom("redemptions")
      .select(["card_id", (eb) => eb.fn.countAll<number>().as("uses"), (eb) => eb.fn.sum<number>("discount_fen").as("discount")])
      .where("card_id", "in", cardIds)
      .where("month", "=", month)
      .groupBy("card_id")
      .execute();
    for (const r of rows) used.set(r.card_id, { uses: Number(r.uses), discountFen: Number(r.discount ?? 0) });
    return used;
  }

  private async present(rows: CardRow[], masked: boolean, db: Db = this.db): Promise<Card[]> {
    const used = await this.usedThisMonth(
      rows.map((r) => r.id),
      db,
    );
    const today = chinaToday();
    return rows.map((r) => ({
      id: r.id,
      stationId: r.station_id,
      cardNo: r.card_no,
      residentId: r.resident_id,
      holderName: masked ? maskName(r.holder_name) : r.holder_name,
      category: r.category as AwardCategory,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      status: shownCardStatus(r.status, r.valid_to, today),
      monthlyCapFen: r.monthly_cap_fen,
      monthlyCapUses: r.monthly_cap_uses,
      usedThisMonth: used.get(r.id) ?? { uses: 0, discountFen: 0 },
      revokedReason: r.revoked_reason,
      version: r.version,
    }));
  }

  /** Issues one card inside the caller's transaction (an award or a staff issue); returns its id and number. */
  async issueIn(trx: Db, v: IssueValues, actor: Actor): Promise<{ id: number; cardNo: string }> {
    const now = new Date().toISOString();
    const row = await trx
      .insertInto("discount_cards")
      .values({
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
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cardNo = `DC${v.validFrom.slice(0, 4)}${String(row.id).padStart(6, "0")}`;
    await trx.updateTable("discount_cards").set({ card_no: cardNo }).where("id", "=", row.id).execute();
    await appendAudit(trx, actor, {
      action: "card.issued",
      objectType: "discount_card",
      objectId: row.id,
      stationId: v.stationId,
      after: { cardNo, residentId: v.residentId, roundId: v.roundId, category: v.category, validFrom: v.validFrom, validTo: v.validTo },
    });
    return { id: row.id, cardNo };
  }

  async list(user: SessionUser, query: ListQuery) {
    const stations = stationFilter(user, query.stationId);
    let q = this.base(this.db);
    if (stations !== null) q = stations.length ? q.where("c.station_id", "in", stations) : q.where(sql<boolean>`1 = 0`);
    if (query.category) q = q.where("c.category", "=", query.category);
    const today = chinaToday();
    if (query.status === "revoked") q = q.where("c.status", "=", "revoked");
    if (query.status === "active") q = q.where("c.status", "=", "active").where("c.valid_to", ">=", today);
    if (query.status === "expired")
      q = q.where((eb) => eb.or([eb("c.status", "=", "expired"), eb.and([eb("c.status", "=", "active"), eb("c.valid_to", "<", today)])]));
    if (query.q) q = q.where((eb) => eb.or([eb("c.card_no", "=", query.q as string), eb("r.name", "like", `%${query.q}%`)]));
    const { rows, total } = await pageRows(
      q.select(columns).orderBy("c.id", query.order),
      {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      },
      async () => 0,
    );
    return { items: await this.present(rows, !can(user.role, "personal.unmask")), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: SessionUser, id: number, db: Db = this.db): Promise<Card> {
    const row = await this.visibleRow(user, id, db);
    const [card] = await this.present([row], !can(user.role, "personal.unmask"), db);
    return card;
  }

  private async visibleRow(user: SessionUser, id: number, db: Db = this.db) {
    const row = await this.findRow(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async issue(user: SessionUser, input: IssueInput, actor: Actor): Promise<Card> {
    const resident = await this.db
      .selectFrom("residents")
      .select(["id", "station_id"])
      .where("id", "=", input.residentId)
      .executeTakeFirst();
    if (!resident) throw notFound();
    assertStation(user, resident.station_id);
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
      );
      await this.tellHolder(trx, outbox, resident.id, {
        title: "您获得了蒲公英爱心优惠卡",
        body: `优惠卡 ${card.cardNo} 已发放，有效期 ${input.validFrom} 至 ${input.validTo}。`,
      });
      return card;
    });
    await outbox.deliver();
    return this.get(user, id);
  }

  async revoke(user: SessionUser, id: number, input: z.output<typeof cardRevokeSchema>, actor: Actor): Promise<Card> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRow(user, id, trx);
      if (!canRevoke(row.status)) throw fail("card.not_active");
      const r = await trx
        .updateTable("discount_cards")
        .set((eb) => ({
          status: "revoked",
          revoked_reason: input.reason,
          updated_at: new Date().toISOString(),
          version: eb("version", "+", 1),
        }))
        .where("id", "=", id)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict();
      await appendAudit(trx, actor, {
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
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable("discount_cards").set({ pin_hash: hash, updated_at: new Date().toISOString() }).where("id", "=", id).execute();
      await appendAudit(trx, actor, { action: "card.pin_set", objectType: "discount_card", objectId: id, stationId: row.station_id });
    });
    return { ok: true as const };
  }

  /** The signed-in holder's cards (holder = the resident linked to the account). */
  async mine(user: SessionUser): Promise<Card[]> {
    if (!user.residentId) return [];
    const rows = await this.base(this.db).select(columns).where("c.resident_id", "=", user.residentId).orderBy("c.id", "desc").execute();
    return this.present(rows, false);
  }

  async ownRow(user: SessionUser, id: number) {
    const row = await this.findRow(id);
    if (!row || !user.residentId || row.resident_id !== user.residentId) throw notFound();
    return row;
  }

  /** A fresh one-time presentation for the holder's phone: a signed token for the QR and a six-digit code. */
  async presentation(user: SessionUser, id: number) {
    const row = await this.ownRow(user, id);
    if (row.status !== "active") throw fail("card.not_active");
    const today = chinaToday();
    if (today < row.valid_from || today > row.valid_to) throw fail("card.expired");
    const now = new Date();
    const nowIso = now.toISOString();
    const expiresAt = new Date(now.getTime() + PRESENTATION_TTL_MS).toISOString();
    const jti = randomBytes(18).toString("base64url");
    for (let attempt = 0; attempt < 20; attempt++) {
      const shortCode = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const live = await this.db
        .selectFrom("card_presentations")
        .select("jti")
        .where("short_code", "=", shortCode)
        .where("expires_at", ">", nowIso)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (live) continue;
      await this.db
        .insertInto("card_presentations")
        .values({ jti, card_id: id, short_code: shortCode, expires_at: expiresAt, used_at: null, created_at: nowIso })
        .execute();
      return { token: presentationToken(row.qr_secret, jti), shortCode, expiresAt };
    }
    throw fail("unavailable");
  }

  async printedPdf(user: SessionUser, id: number): Promise<{ pdf: Buffer; cardNo: string }> {
    const row = await this.visibleRow(user, id);
    const station = await this.db.selectFrom("org_units").select("name").where("id", "=", row.station_id).executeTakeFirstOrThrow();
    const pdf = await renderCardPdf({
      stationName: station.name,
      holderName: row.holder_name,
      cardNo: row.card_no,
      category: row.category as AwardCategory,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    });
    return { pdf, cardNo: row.card_no };
  }

  /**
   * The card row read for a redemption: on PostgreSQL locked (`for update` of the card only) in the same round
   * trip, so caps summed afterwards hold under concurrency; SQLite transactions already run one at a time.
   */
  async lockedRow(trx: Transaction<DB>, id: number) {
    return (await lockedCard(trx, { id })).rows[0];
  }
}
