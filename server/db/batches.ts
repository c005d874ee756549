// Writes of many rows in statements of at most `size` rows (SQLite and PostgreSQL both cap a statement's bound
// values): `inBatches(values, (batch) => insert…returning(…).execute())` answers every batch's rows in order.
export async function inBatches<T, R>(values: T[], run: (batch: T[]) => Promise<R[]>, size = 200): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) out.push(...(await run(values.slice(i, i + size))));
  return out;
}
