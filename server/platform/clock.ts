// The one source of "now" on the server. Every service, job, workflow call and presenter takes its time from
// the Clock in the app's dependencies (AppDeps.clock), never from `new Date()`; the station's calendar on top of
// it is contracts/calendar.ts. Production runs on the system clock; tests and the times script
// (`npm run test:times`) start the clock at a chosen instant, and it runs on from there at real speed.

export interface Clock {
  /** The current instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is made and runs on at real speed, so that rows written one
 * after another keep their order. `set` and `advance` move it (a job's deadline passing, a day going by).
 */
export class SettableClock implements Clock {
  private offsetMs: number;

  constructor(start: Date | string) {
    this.offsetMs = 0;
    this.set(start);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(at: Date | string): void {
    const t = typeof at === "string" ? Date.parse(at) : at.getTime();
    if (Number.isNaN(t)) throw new Error(`not an instant: ${String(at)}`);
    this.offsetMs = t - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * The clock a process runs on: the system clock, or one started at DANDELION_NOW (an ISO instant) when that is
 * set — how the times script and a demo at a chosen date run the server.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const at = env.DANDELION_NOW;
  return at ? new SettableClock(at) : systemClock;
}
