// Jobs with leases (SLA timers, reminders): each job has one row in `job_leases`; a node runs a job only after
// taking its lease with a conditional UPDATE (lease expired), so with several app nodes a run happens once.
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/database.ts";
import type { DB } from "../db/tables.ts";
import type { Clock } from "./clock.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The jobs the modules offer to the scheduler (see startScheduler). */
    jobs: Job[];
  }
}

export interface Job {
  name: string;
  /** How often the job runs; the lease is held this long, so no other node runs it sooner. */
  everyMs: number;
  run: (now: Date) => Promise<unknown>;
}

/** This process's name on the leases it holds. */
export const nodeId = `${process.pid}-${randomUUID().slice(0, 8)}`;

export type RunOutcome = { ran: false } | { ran: true; result: unknown } | { ran: true; error: string };

/**
 * Runs `fn` if this node wins the lease `name` (free, or expired), holding it for `everyMs`.
 * The row is created on first use; two nodes creating it at once meet on the primary key and one loses.
 */
export async function runExclusive(
  db: Kysely<DB>,
  name: string,
  everyMs: number,
  fn: () => Promise<unknown>,
  now: Date,
  owner: string = nodeId,
): Promise<RunOutcome> {
  const until = new Date(now.getTime() + everyMs).toISOString();
  const taken = await db
    .updateTable("job_leases")
    .set({ lease_owner: owner, lease_until: until })
    .where("name", "=", name)
    .where("lease_until", "<=", now.toISOString())
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) {
    const exists = await db.selectFrom("job_leases").select("name").where("name", "=", name).executeTakeFirst();
    if (exists) return { ran: false };
    try {
      await db
        .insertInto("job_leases")
        .values({ name, lease_owner: owner, lease_until: until, last_run_at: null, last_result: null })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) return { ran: false };
      throw error;
    }
  }
  let outcome: RunOutcome;
  try {
    outcome = { ran: true, result: await fn() };
  } catch (error) {
    outcome = { ran: true, error: (error as Error).message };
  }
  const summary = "error" in outcome ? `error: ${outcome.error}` : JSON.stringify(outcome.result ?? null);
  await db
    .updateTable("job_leases")
    .set({ last_run_at: now.toISOString(), last_result: summary.slice(0, 500) })
    .where("name", "=", name)
    .where("lease_owner", "=", owner)
    .execute();
  return outcome;
}

/**
 * Ticks every `tickMs` and runs each job whose lease is free. The timer is unref'd (it never keeps the process
 * alive) and stops when the app closes. Returns a stop function.
 */
export function startScheduler(app: FastifyInstance, db: Kysely<DB>, jobs: Job[], clock: Clock, tickMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        const now = clock.now();
        const outcome = await runExclusive(db, job.name, job.everyMs, () => job.run(now), now);
        if (outcome.ran && "error" in outcome) app.log.error({ job: job.name, err: outcome.error }, "job failed");
        else if (outcome.ran) app.log.debug({ job: job.name, result: outcome.result }, "job ran");
      }
    } catch (error) {
      app.log.error({ err: error }, "scheduler tick failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  void tick();
  const stop = () => clearInterval(timer);
  // Hooks can only be added before the app starts: call this between buildApp() and listen().
  app.addHook("onClose", async () => stop());
  return stop;
}
