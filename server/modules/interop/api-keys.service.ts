// API keys of integrating systems: created by the platform admin for one station (the key is shown once, only its
// SHA-256 is kept), revoked when a system leaves; a request presenting one is checked against the hashes.
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { ApiKey, apiKeyCreateSchema } from "../../../contracts/interop.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { fail, notFound } from "../../platform/errors.ts";
import type { ApiKeyRow, Db, InteropRepository } from "./interop.repository.ts";

export const hashKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export function presentKey(r: ApiKeyRow): ApiKey {
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    stationId: r.station_id,
    stationName: r.station_name,
    prefix: r.prefix,
    status: r.status,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    requests: Number(r.requests ?? 0),
  };
}

export class ApiKeysService {
  private readonly db: Kysely<DB>;
  private readonly repo: InteropRepository;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, repo: InteropRepository, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
  }

  async list(): Promise<ApiKey[]> {
    return (await this.repo.listKeys()).map(presentKey);
  }

  async create(input: z.output<typeof apiKeyCreateSchema>, actor: Actor): Promise<ApiKey & { key: string }> {
    const now = this.clock.now();
    const key = `dd311_${randomBytes(24).toString("base64url")}`;
    return this.db.transaction().execute(async (trx) => {
      const station = await this.repo.station(trx, input.stationId);
      if (!station) throw fail("interop.bad_station", [{ field: "stationId" }]);
      const id = await this.repo.insertKey(trx, {
        name: input.name,
        purpose: input.purpose,
        station_id: station.id,
        prefix: key.slice(0, 10),
        key_hash: hashKey(key),
        status: "active",
        created_by_user_id: actor.userId,
        created_at: now.toISOString(),
        last_used_at: null,
        revoked_at: null,
      });
      const row = await this.repo.keyById(trx, id);
      if (!row) throw notFound();
      const presented = presentKey(row);
      // The audit keeps the prefix, never the key.
      await appendAudit(trx, actor, {
        at: now,
        action: "api_key.created",
        objectType: "api_key",
        objectId: id,
        stationId: station.id,
        after: { name: presented.name, purpose: presented.purpose, prefix: presented.prefix },
      });
      return { ...presented, key };
    });
  }

  async revoke(id: number, actor: Actor): Promise<ApiKey> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.keyById(trx, id);
      if (!before) throw notFound();
      if (!(await this.repo.revokeKey(trx, id, now.toISOString()))) throw fail("interop.key_revoked");
      const after = await this.repo.keyById(trx, id);
      if (!after) throw notFound();
      await appendAudit(trx, actor, {
        at: now,
        action: "api_key.revoked",
        objectType: "api_key",
        objectId: id,
        stationId: before.station_id,
        before: { status: before.status },
        after: { status: after.status },
      });
      return presentKey(after);
    });
  }

  async touch(db: Db, id: number, at: string) {
    await this.repo.touchKey(db, id, at);
  }

  /** The active key this secret is, for a purpose; undefined for a forged, revoked or other-purpose key. */
  async check(db: Db, key: string, purpose: ApiKey["purpose"]) {
    const row = await this.repo.keyByHash(db, hashKey(key));
    return row && row.status === "active" && row.purpose === purpose ? row : undefined;
  }
}
