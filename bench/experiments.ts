// Candidate fixes found with the profiler, tried from the bench without touching server/ (see
// docs/performance.md, "Findings"). Enabled in bench/server.ts with BENCH_EXPERIMENT=keyobject,stmtcache.
//   keyobject  the vault with its AES key prepared once as a KeyObject (same ciphertext format): Node turns
//              a raw Buffer key into a KeyObject on every createCipheriv/createDecipheriv call, ~12 µs each.
//   stmtcache  the node:sqlite adapter with prepared statements cached per SQL text, instead of
//              DatabaseSync.prepare() (and statement.columns()) on every query.
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes } from "node:crypto";
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "../server/db/database.ts";
import { openSqlite } from "../server/db/sqlite-dialect.ts";
import type { DB } from "../server/db/tables.ts";
import type { Vault } from "../server/platform/crypto.ts";

export const experiments = new Set((process.env.BENCH_EXPERIMENT ?? "").split(",").filter(Boolean));

/** Same derivation and format as server/platform/crypto.ts createVault, with the keys prepared once. */
export function keyObjectVault(secret: string): Vault {
  const master = Buffer.from(secret, "utf8");
  const encKey = createSecretKey(Buffer.from(hkdfSync("sha256", master, "dandelion", "pii-encryption", 32)));
  const macKey = createSecretKey(Buffer.from(hkdfSync("sha256", master, "dandelion", "pii-blind-index", 32)));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    decrypt(sealed) {
      const raw = Buffer.from(sealed.slice(3), "base64url");
      const decipher = createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    blindIndex(value) {
      return createHmac("sha256", macKey).update(value.trim().toUpperCase()).digest("base64url");
    },
  };
}

type Param = null | number | bigint | string | Uint8Array;

function toParam(value: unknown): Param {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "string") return value;
  if (value instanceof Uint8Array) return value;
  return JSON.stringify(value);
}

/** server/db/sqlite-dialect.ts nodeSqliteDialect with a bounded statement cache. */
export function cachingSqliteDialect(db: DatabaseSync, max = 500): SqliteDialect {
  const cache = new Map<string, ReturnType<typeof adapt>>();
  function adapt(statement: StatementSync) {
    return {
      reader: statement.columns().length > 0,
      all: (params: ReadonlyArray<unknown>) => statement.all(...params.map(toParam)),
      run: (params: ReadonlyArray<unknown>) => {
        const r = statement.run(...params.map(toParam));
        return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
      },
      iterate: (params: ReadonlyArray<unknown>) => statement.iterate(...params.map(toParam)),
    };
  }
  return new SqliteDialect({
    database: {
      prepare: (sql: string) => {
        let s = cache.get(sql);
        if (!s) {
          s = adapt(db.prepare(sql));
          if (cache.size >= max) cache.delete(cache.keys().next().value as string);
          cache.set(sql, s);
        }
        return s;
      },
      close: () => db.close(),
    } as never,
  });
}

export function openCachingSqlite(file: string): Database {
  const sqlite = openSqlite(file);
  const db = new Kysely<DB>({ dialect: cachingSqliteDialect(sqlite) });
  return { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
}
