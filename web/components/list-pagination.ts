import type { TFunction } from "i18next";

/**
 * The pagination of a list table from the server's page (contracts/common.ts `pageOf`): the total as "共 276 条",
 * or, when the server capped its count (`totalCapped`, server/db/paging.ts), as a lower bound: "共 1,000+ 条", with
 * one page more than counted so the next page stays reachable.
 */
export function listPagination(
  t: TFunction,
  list: { page: number; pageSize: number },
  data: { total: number; totalCapped?: boolean } | undefined,
) {
  const total = data?.total ?? 0;
  const capped = Boolean(data?.totalCapped);
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: capped ? Math.max(total, list.page * list.pageSize) + list.pageSize : total,
    showSizeChanger: true,
    showTotal: () => (capped ? t("common:totalAtLeast", { total: total.toLocaleString("en-US") }) : t("common:total", { total })),
  };
}
