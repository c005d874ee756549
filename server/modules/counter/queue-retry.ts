// Queue numbers are the highest of the station day plus one: parallel check-ins may compute the same number, the
// unique (station, day, number) index refuses one, and its whole transaction is tried again.
import { isUniqueViolation } from "../../db/database.ts";

const QUEUE_ATTEMPTS = 12;

/** Retries a whole transaction that lost a race for a queue number. */
export async function withQueueRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= QUEUE_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 10 * attempt)));
    }
  }
}
