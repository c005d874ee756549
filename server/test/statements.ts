// Counts the statements the app sends to PostgreSQL (each is a round trip), for the tests that hold the busiest
// writes to a count. Importing it patches pg's client before any pool connects: a connection binds its query
// method when it is first taken (server/db/database.ts). Every statement of the request's work counts, BEGIN and
// COMMIT included; the session's look-up and touch are left out (cached for five seconds, they come and go with the
// time a suite takes, and are the same for every request).
import pg from "pg";

const sent: string[] = [];
let recording = false;
const query = pg.Client.prototype.query;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  if (recording) {
    const text = String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text);
    if (!/from "sessions"|update "sessions"/.test(text)) sent.push(text.replace(/\s+/g, " ").slice(0, 100));
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as never;

/** The statements `work` sends (its first lines, for a failure's message). */
export async function statementsOf<T>(work: () => Promise<T>): Promise<{ statements: string[]; result: T }> {
  sent.length = 0;
  recording = true;
  try {
    const result = await work();
    return { statements: [...sent], result };
  } finally {
    recording = false;
  }
}
