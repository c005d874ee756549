// The table types (server/modules/*/<module>.tables.ts and platform.tables.ts, joined into DB) against the
// schema the migrations build, on SQLite and PostgreSQL: the same tables, the same columns, the same
// nullability, and a compatible kind of value (number, text, bytes). A migration and a table type that drift
// apart fail here instead of at a query.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";

type Kind = "number" | "text" | "bytes";
interface Column {
  kind: Kind;
  nullable: boolean;
}

const root = resolve(import.meta.dirname, "..");

/** The .tables.ts files read as text: interface bodies of `name: type;` lines, and the `XTables` maps of table names. */
function declaredTables(): Map<string, Map<string, { type: string; optional: boolean }>> {
  const files = [
    join(root, "platform/platform.tables.ts"),
    ...readdirSync(join(root, "modules"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(root, "modules", d.name)).map((f) => join(root, "modules", d.name, f)))
      .filter((f) => f.endsWith(".tables.ts")),
  ];
  const interfaces = new Map<string, Map<string, { type: string; optional: boolean }>>();
  const tableOf = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/export interface (\w+) \{\n([\s\S]*?)\n\}/g)) {
      const fields = new Map<string, { type: string; optional: boolean }>();
      for (const line of match[2].split("\n")) {
        const field = /^ {2}(\w+)(\?)?: (.+);$/.exec(line);
        if (field) fields.set(field[1], { type: field[3], optional: field[2] === "?" });
      }
      if (match[1].endsWith("Tables")) for (const [table, { type }] of fields) tableOf.set(table, type);
      else interfaces.set(match[1], fields);
    }
  }
  const tables = new Map<string, Map<string, { type: string; optional: boolean }>>();
  for (const [table, iface] of tableOf) {
    const fields = interfaces.get(iface);
    if (!fields) throw new Error(`${table}: interface ${iface} not found`);
    tables.set(table, fields);
  }
  return tables;
}

/**
 * What a declared type says about its column. Named types (the contracts' unions) and string literals are text;
 * a nullable column spells out `| null` in its table file, so this reading (and a person's) needs no lookup.
 */
function declaredColumn(type: string): Column & { generated: boolean } {
  const generated = /^Generated<(.+)>$/.exec(type);
  const inner = generated ? generated[1] : type;
  const parts = inner.split("|").map((p) => p.trim());
  const nullable = parts.includes("null");
  const base = parts.filter((p) => p !== "null");
  const kind: Kind = base.every((p) => p === "number") ? "number" : base.every((p) => p === "Uint8Array") ? "bytes" : "text";
  return { kind, nullable, generated: Boolean(generated) };
}

function kindOf(dbType: string): Kind {
  const t = dbType.toLowerCase();
  if (/int|real|double|numeric|decimal|float/.test(t)) return "number";
  if (/blob|bytea/.test(t)) return "bytes";
  return "text";
}

async function migratedTables(t: TestDatabase): Promise<Map<string, Map<string, Column & { hasDefault: boolean }>>> {
  const db = t.database.db;
  const out = new Map<string, Map<string, Column & { hasDefault: boolean }>>();
  const add = (table: string, column: string, type: string, nullable: boolean, hasDefault: boolean) => {
    if (table.startsWith("kysely_")) return;
    if (!out.has(table)) out.set(table, new Map());
    out.get(table)?.set(column, { kind: kindOf(type), nullable, hasDefault });
  };
  if (t.database.dialect === "postgres") {
    const rows = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>`
      select table_name, column_name, data_type, is_nullable, column_default, is_identity
      from information_schema.columns where table_schema = 'public'`.execute(db);
    for (const r of rows.rows) {
      add(r.table_name, r.column_name, r.data_type, r.is_nullable === "YES", r.column_default !== null || r.is_identity === "YES");
    }
  } else {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
      db,
    );
    for (const { name } of tables.rows) {
      if (/_fts(_|$)/.test(name)) continue; // full-text indexes are not tables the code queries as rows
      const columns = await sql<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>`
        select name, type, "notnull", dflt_value, pk from pragma_table_info(${name})`.execute(db);
      for (const c of columns.rows) {
        // An integer primary key is SQLite's rowid: never null, generated when not given. A text primary key
        // admits NULL in SQLite unless declared NOT NULL (a quirk kept for compatibility); PostgreSQL refuses it,
        // and the code never writes one, so a key column counts as not null here.
        const rowid = c.pk === 1 && c.type.toLowerCase() === "integer";
        add(name, c.name, c.type, c.notnull === 0 && c.pk === 0, c.dflt_value !== null || rowid);
      }
    }
  }
  return out;
}

describe(`table types against the migrated schema (${dialectName})`, () => {
  let t: TestDatabase;
  let migrated: Awaited<ReturnType<typeof migratedTables>>;
  const declared = declaredTables();
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
    migrated = await migratedTables(t);
  });
  afterAll(() => t.drop());

  it("declares exactly the tables the migrations create", () => {
    const full = [...migrated.keys()].filter((name) => !/_fts|_search/.test(name) || declared.has(name));
    expect([...declared.keys()].sort()).toEqual(full.sort());
  });

  it("declares every column with its nullability and kind of value, and no column the schema lacks", () => {
    const drift: string[] = [];
    for (const [table, fields] of declared) {
      const columns = migrated.get(table);
      if (!columns) continue;
      for (const [name, { type }] of fields) {
        const column = columns.get(name);
        if (!column) {
          drift.push(`${table}.${name}: declared, not in the schema`);
          continue;
        }
        const d = declaredColumn(type);
        if (d.kind !== column.kind) drift.push(`${table}.${name}: declared ${d.kind} (${type}), the schema holds ${column.kind}`);
        if (d.nullable !== column.nullable)
          drift.push(`${table}.${name}: declared ${d.nullable ? "nullable" : "not null"}, the schema says otherwise`);
        if (d.generated && !column.hasDefault) drift.push(`${table}.${name}: declared Generated, the schema has no default`);
      }
      for (const name of columns.keys()) if (!fields.has(name)) drift.push(`${table}.${name}: in the schema, not declared`);
    }
    expect(drift).toEqual([]);
  });
});
