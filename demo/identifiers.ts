// Well-formed mainland identifiers for generated data: each carries a correct check character.
import { creditCodeCheckCharacter, idNumberCheckCharacter } from "../contracts/validators.ts";
import type { Random } from "./random.ts";

export function makeMobile(r: Random, serial: number): string {
  const prefix = r.pick(["138", "139", "135", "136", "150", "151", "158", "180", "181", "186", "189", "199"]);
  return `${prefix}${String(serial % 100_000_000).padStart(8, "0")}`;
}

/** Karamay district area code 650203; birth date in the year given. */
export function makeIdNumber(r: Random, birthYear: number, serial: number, area = "650203"): string {
  const month = String(r.int(1, 12)).padStart(2, "0");
  const day = String(r.int(1, 28)).padStart(2, "0");
  const seq = String(serial % 1000).padStart(3, "0");
  const first17 = `${area}${birthYear}${month}${day}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** 92 = individual business (个体工商户), registered in Karamay (650203). */
export function makeCreditCode(serial: number, kind = "92"): string {
  const first17 = `${kind}650203${String(serial).padStart(9, "0")}`;
  return first17 + creditCodeCheckCharacter(first17);
}
