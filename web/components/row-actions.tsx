// The 操作 column of lists whose rows have actions: always the last column, titled 操作 / Actions, fixed on the
// right so it stays in sight while the list scrolls sideways, its actions small link buttons side by side.
import { Button, type ButtonProps, Space } from "antd";
import type { ColumnType } from "antd/es/table/interface.js";
import type { MouseEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useHref, useNavigate } from "react-router";

/** One action of a row: a small link button; with `to`, a link to that page (opens in a new tab on Ctrl/⌘-click). */
export function RowAction({ to, ...props }: Omit<ButtonProps, "type" | "size" | "href"> & { to?: string }) {
  if (to !== undefined) return <RowLink to={to} {...props} />;
  return <Button type="link" size="small" {...props} />;
}

function RowLink({ to, onClick, ...props }: Omit<ButtonProps, "type" | "size" | "href"> & { to: string }) {
  const navigate = useNavigate();
  const href = useHref(to);
  const follow = (e: MouseEvent<HTMLElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <Button type="link" size="small" href={href} onClick={follow} {...props} />;
}

/** A row's actions side by side (on one line when the column is wide enough; else they wrap, never clipped). */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Space size={0} wrap onDoubleClick={(e) => e.stopPropagation()}>
      {children}
    </Space>
  );
}

/**
 * The list's 操作 column (none when `show` is false, for accounts with nothing to do): spread it last into the
 * columns. `width` fits the widest row's actions in both languages. Given the page's `rows`, the column is left out
 * too when none of them has an action (`render` gives nothing: false, null, undefined or ""), rather than standing
 * empty over the last columns.
 */
export function useActionsColumn<T>(
  render: (row: T) => ReactNode,
  { width, show = true, rows }: { width: number; show?: boolean; rows?: readonly T[] },
): ColumnType<T>[] {
  const { t } = useTranslation();
  if (!show) return [];
  if (rows && !rows.some((row) => hasContent(render(row)))) return [];
  return [
    {
      title: t("actions"),
      key: "actions",
      width,
      fixed: "right",
      render: (_: unknown, row: T) => <RowActions>{render(row)}</RowActions>,
    },
  ];
}

const hasContent = (node: ReactNode) => node !== false && node !== null && node !== undefined && node !== "";
