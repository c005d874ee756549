// The platform's own tables: sessions and sign-in attempts, the audit chain, files, in-app notifications,
// job leases and idempotency keys.
// Times are ISO-8601 UTC text, flags are 0/1 integers, money is integer fen: the same on SQLite and PostgreSQL.
import type { Generated } from "kysely";

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  identifier: string;
  ip: string | null;
  succeeded: number;
  at: string;
}

/** One audit chain's head (migration 18): its last entry's place, global seq and hashes. */
export interface AuditHeadsTable {
  chain: number;
  station_id: number | null;
  seq: number;
  last_seq: number;
  prev_hash: string;
  hash: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  station_id: number | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
  /** The chain the entry belongs to (server/platform/audit.ts, chainOf) and its place in it. */
  chain: Generated<number>;
  chain_seq: number | null;
  /** 1: hashed as the single chain did before migration 18; 2: the chained form of audit.ts. */
  format: Generated<number>;
}

export interface FileTable {
  id: string;
  station_id: number;
  owner_user_id: number;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  attached_to: string | null;
  created_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export interface JobLeaseTable {
  name: string;
  lease_owner: string | null;
  lease_until: string;
  last_run_at: string | null;
  last_result: string | null;
}

export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  route: string;
  status_code: number;
  body: string | null;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  hits: number;
  /** When the window ends, in milliseconds since the epoch (a bigint: PostgreSQL returns it as text, the store converts). */
  reset_at: number;
}

export interface PlatformTables {
  rate_limits: RateLimitTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  files: FileTable;
  notifications: NotificationTable;
  job_leases: JobLeaseTable;
  idempotency_keys: IdempotencyKeyTable;
}
