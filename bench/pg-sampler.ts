// Samples PostgreSQL's pg_stat_activity while a scenario runs: every `everyMs`, the backends of the bench
// database (not the sampler's own) by state and wait event. The summary gives, per sample on average, how many
// backends were active, how many waited on a lock (wait_event_type Lock: tuple, transactionid, relation …), and
// the other waits (LWLock WALWrite, IO DataFileRead, Client ClientRead …), plus the statement most often seen
// waiting on a lock. "Lock waits near zero" in docs/performance.md reads `lockWaiting`.
import pg from "pg";

export interface PgSample {
  samples: number;
  /** Backends in state active (running a statement), per sample on average. */
  active: number;
  /** Backends waiting on a heavyweight lock (wait_event_type = 'Lock'), per sample on average. */
  lockWaiting: number;
  /** The most lock-waiting backends seen in one sample. */
  lockWaitingMax: number;
  /** Per sample on average, by "type:event" (Lock:tuple, LWLock:WALWrite, IO:WALSync, Client:ClientRead …), active backends only. */
  waits: Record<string, number>;
  /** The statement most often seen waiting on a lock, first 120 characters. */
  topLockQuery: string | null;
}

export function startPgSampler(url: string, everyMs = 50): { stop(): Promise<PgSample> } {
  const client = new pg.Client({ connectionString: url });
  const waits = new Map<string, number>();
  const lockQueries = new Map<string, number>();
  let samples = 0;
  let active = 0;
  let lockWaiting = 0;
  let lockWaitingMax = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{
        state: string | null;
        wait_event_type: string | null;
        wait_event: string | null;
        query: string;
      }>(
        `select state, wait_event_type, wait_event, query from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      samples++;
      let locks = 0;
      for (const r of rows) {
        if (r.state !== "active") continue;
        active++;
        if (r.wait_event_type) {
          const key = `${r.wait_event_type}:${r.wait_event}`;
          waits.set(key, (waits.get(key) ?? 0) + 1);
        }
        if (r.wait_event_type === "Lock") {
          locks++;
          const q = r.query.replace(/\s+/g, " ").slice(0, 120);
          lockQueries.set(q, (lockQueries.get(q) ?? 0) + 1);
        }
      }
      lockWaiting += locks;
      lockWaitingMax = Math.max(lockWaitingMax, locks);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop.catch(() => undefined);
      await client.end().catch(() => undefined);
      const n = Math.max(samples, 1);
      const top = [...lockQueries.entries()].sort((a, b) => b[1] - a[1])[0];
      return {
        samples,
        active: active / n,
        lockWaiting: lockWaiting / n,
        lockWaitingMax,
        waits: Object.fromEntries([...waits.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Number((v / n).toFixed(2))])),
        topLockQuery: top ? top[0] : null,
      };
    },
  };
}

export function formatPgSample(s: PgSample): string {
  const top = Object.entries(s.waits)
    .slice(0, 3)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return `pg: ${s.active.toFixed(1)} active, ${s.lockWaiting.toFixed(2)} waiting on locks (max ${s.lockWaitingMax})${top ? `; ${top}` : ""}`;
}
