import { consentKinds, type Resident } from "../../../contracts/residents.ts";
import { birthDateFromIdNumber, maskIdNumber, maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import { boolCell } from "../../platform/sheets.ts";
import type { ResidentRow } from "./residents.repository.ts";

export const ELDERLY_AGE = 60;
/** Full years between a birth date and a day, both YYYY-MM-DD; null without a birth date. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The latest birth date of someone who is `years` old on `today` (a Feb 29 anniversary falls on Mar 1). */
export function bornByForAge(years: number, today: string): string {
  const y = String(Number(today.slice(0, 4)) - years).padStart(4, "0");
  const candidate = `${y}-${today.slice(5)}`;
  if (today.slice(5) === "02-29" && !isLeap(Number(y))) return `${y}-02-28`;
  return candidate;
}

function isLeap(y: number) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function isElderlyAge(age: number | null): boolean {
  return age !== null && age >= ELDERLY_AGE;
}

/** The 17th character of a resident ID number is the sequence digit: odd for men, even for women. */
export function genderFromIdNumber(idNumber: string): "male" | "female" | null {
  const digit = Number(idNumber[16]);
  if (idNumber.length !== 18 || Number.isNaN(digit)) return null;
  return digit % 2 === 1 ? "male" : "female";
}

/** Everything a resident's ID number tells, as stored at write time. */
export function derivedFromIdNumber(idNumber: string, today: string) {
  const birthDate = birthDateFromIdNumber(idNumber);
  return { birthDate, gender: genderFromIdNumber(idNumber), isElderly: isElderlyAge(ageOn(birthDate, today)) };
}

type ConsentKind = (typeof consentKinds)[number];

export function parseConsents(text: string): ConsentKind[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return consentKinds.filter((k) => value.includes(k));
  } catch {
    return [];
  }
}

/** `today` is the station's calendar date (contracts/calendar.ts stationDate): ages turn over at local midnight. */
export function presentResident(row: ResidentRow, vault: Vault, today: string): Resident {
  const age = ageOn(row.birth_date, today);
  return {
    id: row.id,
    stationId: row.station_id,
    stationName: row.station_name,
    name: row.name,
    gender: row.gender,
    birthYear: row.birth_date ? Number(row.birth_date.slice(0, 4)) : null,
    age,
    idNumber: vault.masked(row.id_number_enc, maskIdNumber),
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    address: row.address,
    grid: row.grid,
    isLiaisonHead: row.is_liaison_head === 1,
    livesAlone: row.lives_alone === 1,
    isElderly: age === null ? row.is_elderly === 1 : isElderlyAge(age),
    consents: parseConsents(row.consents),
    note: row.note,
    masked: true,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** What the audit log keeps of a resident: the presented (masked) record without the volatile fields. */
export function auditView(r: Resident) {
  const { updatedAt: _u, createdAt: _c, stationName: _s, age: _a, ...rest } = r;
  return rest;
}

/** One row of the residents export sheet. */
export function residentSheetRow(r: Resident) {
  return {
    name: r.name,
    idNumber: r.idNumber,
    mobile: r.mobile ?? "",
    address: r.address ?? "",
    grid: r.grid ?? "",
    isLiaisonHead: boolCell(r.isLiaisonHead),
    livesAlone: boolCell(r.livesAlone),
    note: r.note ?? "",
    age: r.age ?? "",
    station: r.stationName,
  };
}
