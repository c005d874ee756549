// The roster's shifts as the counter books onto them: a unit's shift on a day, the days it sits, who is on duty,
// and the places taken and given back. The counter calls these inside its own transaction (`db` is its `trx`);
// only this module writes duty_shifts.
import type { Db, DutyRepository } from "./duty.repository.ts";

/** A shift with its places, as the counter sees it. */
export interface ShiftPlace {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
}

export interface OnDuty {
  unitId: number;
  unitName: string;
  startTime: string;
  endTime: string;
}

const place = (r: { id: number; date: string; start_time: string; end_time: string; capacity: number; booked: number }): ShiftPlace => ({
  id: r.id,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  capacity: r.capacity,
  booked: r.booked,
});

export class ShiftPlaces {
  private readonly repo: DutyRepository;

  constructor(repo: DutyRepository) {
    this.repo = repo;
  }

  /** The unit's shift on a day (none when it does not sit then). */
  async of(stationId: number, unitId: number, date: string, db?: Db): Promise<ShiftPlace | null> {
    const row = await this.repo.unitShift(stationId, unitId, date, db);
    return row ? place(row) : null;
  }

  /** The same, locked for the rest of the booking transaction (PostgreSQL). */
  async lockFor(trx: Db, stationId: number, unitId: number, date: string): Promise<ShiftPlace | null> {
    const row = await this.repo.unitShift(stationId, unitId, date, trx, true);
    return row ? place(row) : null;
  }

  /** The unit's shifts from one date to another, in date order. */
  async between(stationId: number, unitId: number, from: string, to: string): Promise<ShiftPlace[]> {
    return (await this.repo.unitShifts(stationId, unitId, from, to)).map(place);
  }

  async onDuty(stationId: number, date: string): Promise<OnDuty[]> {
    return (await this.repo.onDuty(stationId, date)).map((s) => ({
      unitId: s.unit_id,
      unitName: s.unit_name,
      startTime: s.start_time,
      endTime: s.end_time,
    }));
  }

  /** Takes a place unless the shift is full: answers whether it did. */
  take(trx: Db, shiftId: number): Promise<boolean> {
    return this.repo.takePlace(trx, shiftId);
  }

  /** Gives a place back (a booking cancelled). */
  release(trx: Db, shiftId: number): Promise<void> {
    return this.repo.releasePlace(trx, shiftId);
  }
}
