// Substring search that works for Chinese (any substring, even one character) on both databases.
// `lower(...) LIKE lower(...)` behaves the same on SQLite and PostgreSQL; wildcards in the query are escaped.
import { type ExpressionBuilder, sql } from "kysely";

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// biome-ignore lint/suspicious/noExplicitAny: works on any table's expression builder
export function containsText(_eb: ExpressionBuilder<any, any>, column: string, text: string) {
  const pattern = `%${escapeLike(text.toLowerCase())}%`;
  // Text without letters that have case (any Chinese query) needs no lower(): the column is compared as stored.
  if (text.toLowerCase() === text.toUpperCase()) return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/**
 * A search on a name or code of the row a foreign key points to (a stall's merchant, a request's item): `exists
 * (select 1 from <table> where id = <foreignKey> and <column> contains text)`, so a list's id scan and its count read
 * the base table alone (server/db/paging.ts) while the search still matches the linked name.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any table's expression builder
export function linkedContainsText(eb: ExpressionBuilder<any, any>, foreignKey: string, table: string, column: string, text: string) {
  return eb.exists(
    eb
      .selectFrom(`${table} as linked`)
      .select(sql<number>`1`.as("one"))
      .whereRef("linked.id", "=", foreignKey)
      .where((e) => containsText(e, `linked.${column}`, text)),
  );
}
