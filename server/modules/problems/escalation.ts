// Where overdue problems go: the next joint meeting's agenda. The meetings module implements this; problems
// only know the interface, so neither module imports the other.
import type { Transaction } from "kysely";
import type { DB } from "../../db/tables.ts";

export interface EscalatedProblem {
  id: number;
  code: string;
  title: string;
}

export interface EscalationTarget {
  /** The next joint meeting of the station (after `now`) that can take agenda items, or null if none is scheduled. */
  agendaFor(trx: Transaction<DB>, stationId: number, now: Date): Promise<{ meetingId: number } | null>;
  /** Puts the problem on that meeting's agenda (inside the same transaction). */
  addProblem(trx: Transaction<DB>, meetingId: number, problem: EscalatedProblem): Promise<void>;
}
