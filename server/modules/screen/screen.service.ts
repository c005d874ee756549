// The big screen and its kiosk tokens. Tokens are created for a unit within the creator's reach (a station admin
// for their station, a district officer for the district, its streets and stations), shown once (only the SHA-256
// is kept), listed with when they were last used, and revoked. A screen opened with a token reads its unit's
// figures through the dictionary, by report part, with a few of them by month, and the market map of a station;
// what it shows is made in screen.presenter.ts, never with records or names. The built screen is kept for a short
// while per unit, so several screens in one hall cost the database one refresh.
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { MarketMap } from "../../../contracts/economy.ts";
import type { FigureDefinitionInfo, ScopeKind } from "../../../contracts/figures.ts";
import {
  KIOSK_TOKEN_PREFIX,
  type KioskToken,
  type KioskTokenCreated,
  type kioskTokenCreateSchema,
  SCREEN_PATH,
  SCREEN_REFRESH_SECONDS,
  type ScreenData,
} from "../../../contracts/screen.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { FigureDictionary, ResolvedScope } from "../figures/figures.service.ts";
import { presentToken, screenFigure, screenSeries } from "./screen.presenter.ts";
import { ScreenRepository } from "./screen.repository.ts";

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The period the screen shows: the twelve months up to today. */
const PERIOD = "last12";
/** How long a built screen is reused for the same unit (the screens refresh every minute). */
const CACHE_MS = 20_000;
/** last_used_at is written at most this often per token. */
const TOUCH_EVERY_MS = 60_000;
const SERIES_PER_PART = 2;

/**
 * The figures each part draws by month when the dictionary has them (the seed's headline ones); a part with none
 * of them draws its first figures counted over a range instead.
 */
const CHARTED: Record<number, string[]> = {
  1: ["economy.relief_fen", "alliance.joint_meetings"],
  2: ["problems.solved", "economy.directed_fen", "counter.requests_done"],
  3: ["caring.cards_issued", "events.stage_performances", "meetings.council_meetings"],
  4: ["volunteers.hours", "night_market.visitors_per_night", "events.culture_events"],
};

export interface ScreenDeps {
  figures: FigureDictionary;
  /** The market plan of a station, read through the economy service as the station's reader. */
  marketMap: (reader: SessionUser, stationId: number) => Promise<MarketMap>;
}

/** The screen reads a station's market map as a read-only reader of that one station (no account behind it). */
const readerOf = (stationId: number): SessionUser => ({
  id: 0,
  username: "kiosk",
  displayName: "kiosk",
  role: "station_staff",
  orgUnitId: stationId,
  orgPath: "",
  allianceUnitId: null,
  merchantId: null,
  residentId: null,
  locale: "zh-CN",
  sessionId: "",
  csrfToken: "",
  stationIds: [stationId],
});

export function chartedOf(part: number, defs: FigureDefinitionInfo[]): FigureDefinitionInfo[] {
  const ranged = defs.filter((d) => d.period === "range" && d.aggregate !== "share");
  const preferred = (CHARTED[part] ?? []).map((id) => ranged.find((d) => d.id === id)).filter((d) => d !== undefined);
  const chosen = preferred.length > 0 ? preferred : ranged;
  return chosen.slice(0, SERIES_PER_PART);
}

export class ScreenService {
  private readonly db: Kysely<DB>;
  private readonly repo: ScreenRepository;
  private readonly clock: Clock;
  private readonly deps: ScreenDeps;
  private readonly cache = new Map<string, { at: number; data: ScreenData }>();

  constructor(db: Kysely<DB>, clock: Clock, deps: ScreenDeps) {
    this.db = db;
    this.repo = new ScreenRepository(db);
    this.clock = clock;
    this.deps = deps;
  }

  // ----- the console: tokens -----

  /** The path under which the caller's reach lies (null: everywhere, the platform admin). */
  private reachOf(user: SessionUser): string | null {
    return user.stationIds === null ? null : user.orgPath;
  }

  private within(user: SessionUser, unitPath: string) {
    const reach = this.reachOf(user);
    return reach === null || unitPath.startsWith(reach);
  }

  async list(user: SessionUser): Promise<KioskToken[]> {
    return (await this.repo.list(this.reachOf(user))).map(presentToken);
  }

  async create(user: SessionUser, actor: Actor, input: z.output<typeof kioskTokenCreateSchema>): Promise<KioskTokenCreated> {
    const [kind, idText] = input.scope.split(":") as [ScopeKind, string];
    const now = this.clock.now();
    const token = `${KIOSK_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
    return this.db.transaction().execute(async (trx) => {
      const unit = await this.repo.unit(Number(idText), trx);
      // A unit out of reach is not there, as any record the caller cannot see.
      if (!unit || unit.kind !== kind || !this.within(user, unit.path)) throw notFound();
      const id = await this.repo.insert(trx, {
        label: input.label,
        unit_id: unit.id,
        unit_kind: kind,
        prefix: token.slice(0, 10),
        token_hash: hashToken(token),
        created_by_user_id: actor.userId,
        created_at: now.toISOString(),
        last_used_at: null,
        revoked_at: null,
      });
      const row = await this.repo.byId(id, trx);
      if (!row) throw notFound();
      const presented = presentToken(row);
      // The audit keeps the prefix, never the token.
      await appendAudit(trx, actor, {
        at: now,
        action: "kiosk_token.created",
        objectType: "kiosk_token",
        objectId: id,
        stationId: kind === "station" ? unit.id : null,
        after: { label: presented.label, scope: presented.scope, prefix: presented.prefix },
      });
      return { ...presented, token, path: `${SCREEN_PATH}?token=${token}` };
    });
  }

  async revoke(user: SessionUser, actor: Actor, id: number): Promise<KioskToken> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.byId(id, trx);
      if (!before || !this.within(user, before.unit_path)) throw notFound();
      if (!(await this.repo.revoke(trx, id, now.toISOString()))) throw new AppError("kiosk.revoked");
      const after = await this.repo.byId(id, trx);
      if (!after) throw notFound();
      await appendAudit(trx, actor, {
        at: now,
        action: "kiosk_token.revoked",
        objectType: "kiosk_token",
        objectId: id,
        stationId: before.unit_kind === "station" ? before.unit_id : null,
        before: { status: "active" },
        after: { status: "revoked" },
      });
      return presentToken(after);
    });
  }

  // ----- the screen -----

  /** The active token's unit; anything else (no token, unknown, revoked) is 401 kiosk.invalid. */
  async authenticate(token: string | undefined): Promise<{ id: number; unitId: number; unitKind: ScopeKind }> {
    if (!token?.startsWith(KIOSK_TOKEN_PREFIX) || token.length > 100) throw new AppError("kiosk.invalid");
    const row = await this.repo.byHash(hashToken(token));
    if (!row || row.revoked_at !== null) throw new AppError("kiosk.invalid");
    const now = this.clock.now();
    if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
      await this.repo.touch(row.id, now.toISOString());
    }
    return { id: row.id, unitId: row.unit_id, unitKind: row.unit_kind };
  }

  /** The screen of a token's unit (reused for a few seconds per unit). */
  async screen(token: string | undefined): Promise<ScreenData> {
    const t = await this.authenticate(token);
    return this.cached(t.unitId, t.unitKind);
  }

  /** A unit's screen as its token would show it, for a console account previewing a unit in reach (404 outside). */
  async preview(user: SessionUser, scope: string): Promise<ScreenData> {
    const [kind, idText] = scope.split(":") as [ScopeKind, string];
    const unit = await this.repo.unit(Number(idText));
    if (!unit || unit.kind !== kind || !this.within(user, unit.path)) throw notFound();
    return this.cached(unit.id, kind);
  }

  private async cached(unitId: number, kind: ScopeKind): Promise<ScreenData> {
    const key = `${kind}:${unitId}`;
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.at >= 0 && now - hit.at < CACHE_MS) return hit.data;
    const data = await this.build(unitId, kind);
    this.cache.set(key, { at: now, data });
    return data;
  }

  /** Builds a unit's screen from the dictionary (no cache): what the bench measures. */
  async build(unitId: number, kind: ScopeKind): Promise<ScreenData> {
    const figures = this.deps.figures;
    const scope = await figures.resolve(unitId, kind);
    const period = figures.period(PERIOD);
    const defs = figures.definitions().filter((d) => d.part !== null && d.scopes.includes(scope.kind));
    const parts = await Promise.all(
      [1, 2, 3, 4].map((part) =>
        this.part(
          scope,
          part,
          defs.filter((d) => d.part === part),
        ),
      ),
    );
    const map = scope.kind === "station" ? await this.map(scope.unitId) : null;
    const shown = { scope: scope.label, period, parts, map };
    return {
      scope: { label: scope.label, kind: scope.kind, name: scope.name, stations: scope.stations.length },
      period: { from: period.from, to: period.to },
      computedAt: this.clock.now().toISOString(),
      version: createHash("sha256").update(JSON.stringify(shown)).digest("base64url").slice(0, 27),
      refreshSeconds: SCREEN_REFRESH_SECONDS,
      parts,
      map,
    };
  }

  private async part(scope: ResolvedScope, part: number, defs: FigureDefinitionInfo[]) {
    const figures = this.deps.figures;
    const charted = chartedOf(part, defs);
    const series = [];
    const values = new Map<string, Awaited<ReturnType<FigureDictionary["valuesIn"]>>[number]>();
    // A charted figure's value comes with its series (one query for both).
    for (const def of charted) {
      const s = await figures.seriesIn(scope, def.id, PERIOD, "month");
      values.set(def.id, s);
      series.push(screenSeries(def, s, "month"));
    }
    const rest = defs.filter((d) => !values.has(d.id)).map((d) => d.id);
    for (const v of await figures.valuesIn(scope, rest, PERIOD)) values.set(v.id, v);
    return {
      part,
      figures: defs.flatMap((d) => {
        const v = values.get(d.id);
        return v ? [screenFigure(d, v)] : [];
      }),
      series,
    };
  }

  private async map(stationId: number): Promise<ScreenData["map"]> {
    const m = await this.deps.marketMap(readerOf(stationId), stationId);
    if (m.stalls.length === 0) return null;
    return {
      width: m.width,
      height: m.height,
      stalls: m.stalls.map((s) => ({ x: s.x, y: s.y, w: s.w, h: s.h, category: s.category })),
    };
  }
}
