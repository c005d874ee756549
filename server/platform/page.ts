// A list's answer in the contracts' page shape (`pageOf`, contracts/common.ts): the page's items, the total, the page
// asked for and its size, and `totalCapped` only when the count stopped at its cap (server/db/paging.ts), so the table
// shows "1,000+" for that total.
export function pageAnswer<T>(
  items: T[],
  counted: { total: number; totalCapped?: boolean },
  query: { page: number; pageSize: number },
): { items: T[]; total: number; totalCapped?: true; page: number; pageSize: number } {
  return {
    items,
    total: counted.total,
    ...(counted.totalCapped ? { totalCapped: true as const } : {}),
    page: query.page,
    pageSize: query.pageSize,
  };
}
