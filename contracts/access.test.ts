import { describe, expect, it } from "vitest";
import { accessMap, actions, assignableRoles, can, roles } from "./access.ts";

describe("access map", () => {
  it("gives every role self.read and only known actions", () => {
    for (const role of roles) {
      expect(can(role, "self.read")).toBe(true);
      for (const a of accessMap[role].actions) expect(actions).toContain(a);
    }
  });
  it("keeps merchants, residents and volunteers out of the console and the registry", () => {
    for (const role of ["merchant", "resident", "volunteer"] as const) {
      expect(accessMap[role].console).toBe(false);
      expect(can(role, "merchant.read")).toBe(false);
      expect(can(role, "resident.read")).toBe(false);
    }
  });
  it("lets only station admins and the platform admin manage accounts", () => {
    expect(roles.filter((r) => can(r, "user.manage"))).toEqual(["platform_admin", "station_admin"]);
  });
  it("gives the district officer read-only reach over the stations' records", () => {
    expect(accessMap.district_officer.actions.some((a) => a.endsWith(".write") || a.endsWith(".import"))).toBe(false);
  });
  it("never lets a station admin create an admin", () => {
    expect(assignableRoles("station_admin")).not.toContain("station_admin");
    expect(assignableRoles("station_admin")).not.toContain("platform_admin");
    expect(assignableRoles("station_staff")).toEqual([]);
  });
});
