// Audit log rows as the API shows them (before/after parsed back from their stored JSON).
import type { AuditEntry } from "../../../contracts/audit.ts";
import type { AuditRow } from "./audit.repository.ts";

const parse = (json: string | null) => (json === null ? null : JSON.parse(json));

export function presentAuditEntry(e: AuditRow): AuditEntry {
  return {
    seq: e.seq,
    at: e.at,
    actorUserId: e.actor_user_id,
    actorName: e.actor_name,
    actorRole: e.actor_role,
    stationId: e.station_id,
    action: e.action,
    objectType: e.object_type,
    objectId: e.object_id,
    before: parse(e.before_json),
    after: parse(e.after_json),
    ip: e.ip,
    hash: e.hash,
  };
}
