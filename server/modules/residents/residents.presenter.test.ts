import { describe, expect, it } from "vitest";
import { stationDate } from "../../../contracts/calendar.ts";
import { idNumberCheckCharacter } from "../../../contracts/validators.ts";
import { createVault } from "../../platform/crypto.ts";
import {
  ageOn,
  bornByForAge,
  derivedFromIdNumber,
  genderFromIdNumber,
  isElderlyAge,
  parseConsents,
  presentResident,
} from "./residents.presenter.ts";
import type { ResidentRow } from "./residents.repository.ts";

const idNumber = (birth: string, sequence: string) => {
  const first17 = `650203${birth.replaceAll("-", "")}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
};

describe("age", () => {
  it("counts full years, turning over on the birthday", () => {
    expect(ageOn("1960-05-10", "2020-05-09")).toBe(59);
    expect(ageOn("1960-05-10", "2020-05-10")).toBe(60);
    expect(ageOn("1960-05-10", "2020-12-31")).toBe(60);
    expect(ageOn(null, "2020-01-01")).toBeNull();
  });

  it("ages someone born on 29 February on 1 March of a common year", () => {
    expect(ageOn("1964-02-29", "2024-02-28")).toBe(59);
    expect(ageOn("1964-02-29", "2025-02-28")).toBe(60);
    expect(ageOn("1964-02-29", "2025-03-01")).toBe(61);
  });

  it("makes elderly from 60", () => {
    expect(isElderlyAge(59)).toBe(false);
    expect(isElderlyAge(60)).toBe(true);
    expect(isElderlyAge(null)).toBe(false);
  });

  it("gives the latest birth date of a given age, agreeing with ageOn", () => {
    for (const today of ["2026-11-27", "2024-02-29", "2025-01-01", "2025-12-31"]) {
      const cutoff = bornByForAge(60, today);
      expect(ageOn(cutoff, today)).toBe(60);
      const dayAfter = new Date(`${cutoff}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      expect(ageOn(dayAfter.toISOString().slice(0, 10), today)).toBe(59);
    }
  });

  it("reads today's date in the station's time zone", () => {
    expect(stationDate(new Date("2026-11-27T17:00:00Z"))).toBe("2026-11-28");
    expect(stationDate(new Date("2026-11-27T15:59:59Z"))).toBe("2026-11-27");
  });
});

describe("what an ID number tells", () => {
  it("takes the gender from the 17th digit: odd male, even female", () => {
    expect(genderFromIdNumber(idNumber("1980-01-01", "001"))).toBe("male");
    expect(genderFromIdNumber(idNumber("1980-01-01", "002"))).toBe("female");
    expect(genderFromIdNumber(idNumber("1980-01-01", "130"))).toBe("female");
    expect(genderFromIdNumber(idNumber("1980-01-01", "139"))).toBe("male");
  });

  it("derives birth date, gender and elderly status", () => {
    expect(derivedFromIdNumber(idNumber("1950-03-04", "123"), "2026-11-27")).toEqual({
      birthDate: "1950-03-04",
      gender: "male",
      isElderly: true,
    });
    expect(derivedFromIdNumber(idNumber("1966-11-28", "124"), "2026-11-27")).toEqual({
      birthDate: "1966-11-28",
      gender: "female",
      isElderly: false,
    });
  });
});

describe("presenting a resident", () => {
  const vault = createVault("unit-test-secret-unit-test-secret-0123");
  const id = idNumber("1950-03-04", "123");
  const row: ResidentRow = {
    id: 7,
    station_id: 3,
    station_name: "天源市场党群服务站",
    name: "张桂兰",
    gender: "male",
    birth_date: "1950-03-04",
    mobile_enc: vault.encrypt("13912345678"),
    id_number_enc: vault.encrypt(id),
    address: "天源小区 3-2-101",
    grid: "第一网格",
    is_liaison_head: 1,
    lives_alone: 0,
    is_elderly: 0,
    consents: JSON.stringify(["contact", "bogus", "publicity"]),
    note: null,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    version: 2,
  };

  it("masks the ID and mobile numbers and computes the age at read time", () => {
    const r = presentResident(row, vault, "2026-11-27");
    expect(r.idNumber).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(r.mobile).toBe("139****5678");
    expect(r.masked).toBe(true);
    expect(r.age).toBe(76);
    // is_elderly was stale at write time; the read-time age wins.
    expect(r.isElderly).toBe(true);
    expect(r.isLiaisonHead).toBe(true);
    expect(r.consents).toEqual(["contact", "publicity"]);
  });

  it("shows no mobile when none was given and survives broken consents", () => {
    const r = presentResident({ ...row, mobile_enc: null, consents: "not json" }, vault, "2026-11-27");
    expect(r.mobile).toBeNull();
    expect(parseConsents("{}")).toEqual([]);
    expect(r.consents).toEqual([]);
  });
});
