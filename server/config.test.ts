import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("configuration", () => {
  it("keeps the SQLite file in the data folder, beside the secret, unless told otherwise", () => {
    expect(loadConfig({}).SQLITE_FILE).toBe(join("data", "dandelion.db"));
    expect(loadConfig({ DATA_DIR: "/srv/dandelion" }).SQLITE_FILE).toBe(join("/srv/dandelion", "dandelion.db"));
    expect(loadConfig({ DATA_DIR: "/srv/dandelion", SQLITE_FILE: "/var/db/one.db" }).SQLITE_FILE).toBe("/var/db/one.db");
  });

  it("names the setting that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with postgres/);
  });
});
