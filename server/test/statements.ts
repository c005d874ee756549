// Counts the statements the app sends to PostgreSQL (each is a round trip), for the tests that hold the busiest
// writes to a count. Importing it patches pg's client before any pool connects: a connection binds its query
// method when it is first taken (server/db/database.ts). Every statement of the request's work counts, BEGIN and
// COMMIT included; the session's look-up and touch are left out (cached for five seconds, they come and go with the
// time a suite takes, and are the same for every request).
import pg from "pg";

const sent: string[] = [];
let recording = false;
/** Statements sent while none was awaiting its answer on the same connection: the round trips. */
let trips = 0;
const inFlight = new WeakMap<object, number>();
const query = pg.Client.prototype.query;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const text = String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text);
  const counted = recording && !/from "sessions"|update "sessions"/.test(text);
  if (counted) {
    sent.push(text.replace(/\s+/g, " ").slice(0, 100));
    if ((inFlight.get(this) ?? 0) === 0) trips++;
  }
  const answer = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (counted && answer instanceof Promise) {
    inFlight.set(this, (inFlight.get(this) ?? 0) + 1);
    const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    answer.then(done, done);
  }
  return answer;
} as never;

/**
 * The statements `work` sends (its first lines, for a failure's message) and the round trips they took: a
 * statement written while another of its connection still awaits its answer (pipelined) is no round trip of its own.
 */
export async function statementsOf<T>(work: () => Promise<T>): Promise<{ statements: string[]; roundTrips: number; result: T }> {
  sent.length = 0;
  trips = 0;
  recording = true;
  try {
    const result = await work();
    return { statements: [...sent], roundTrips: trips, result };
  } finally {
    recording = false;
  }
}
