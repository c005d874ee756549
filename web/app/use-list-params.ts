import type { SorterResult } from "antd/es/table/interface.js";
import { useSearchParams } from "react-router";

export type ListParamValue = string | number | undefined | null;

/** List state (page, search, filters, sort) kept in the address, so back and reload keep the view. */
export function useListParams(
  filterKeys: readonly string[],
  defaultPageSize = 20,
  /** The order a list opens in when the address names none (problems: newest first). */
  defaultSort?: { sort: string; order: "asc" | "desc" },
) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const pageSize = Math.max(1, Number(params.get("pageSize") ?? defaultPageSize) || defaultPageSize);
  const q = params.get("q") ?? "";
  const sort = params.get("sort") ?? defaultSort?.sort;
  const order =
    params.has("sort") || !defaultSort ? (params.get("order") === "desc" ? ("desc" as const) : ("asc" as const)) : defaultSort.order;
  const filters: Record<string, string | undefined> = {};
  for (const key of filterKeys) filters[key] = params.get(key) ?? undefined;

  const update = (patch: Record<string, ListParamValue>, keepPage = false) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === null || value === "") next.delete(key);
          else next.set(key, String(value));
        }
        if (!keepPage && !("page" in patch)) next.delete("page");
        return next;
      },
      { replace: true },
    );
  };

  /** Map an antd Table change (pagination + sorter) onto the address. */
  const onTableChange = (pagination: { current?: number; pageSize?: number }, sorter: SorterResult<unknown> | SorterResult<unknown>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = one?.order ? String(one.columnKey ?? one.field ?? "") : "";
    const sortChanged = (field || undefined) !== sort || (one?.order === "descend" ? "desc" : "asc") !== order;
    update(
      {
        page: sortChanged ? 1 : pagination.current,
        pageSize: pagination.pageSize,
        sort: field || undefined,
        order: one?.order === "descend" ? "desc" : undefined,
      },
      true,
    );
  };

  const sortOrderOf = (key: string) => (sort === key ? (order === "desc" ? "descend" : "ascend") : null);

  /** A filter holding an id (stationId, unitId…) as a number; undefined when absent or not a positive number. */
  const idOf = (key: string) => {
    const n = Number(filters[key]);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };

  /** Apply the query form's values: every filter it owns, plus the search, from the first page. */
  const search = (values: Record<string, unknown>) => update(values as Record<string, ListParamValue>);

  return { page, pageSize, q, sort, order, filters, update, onTableChange, sortOrderOf, idOf, search };
}
