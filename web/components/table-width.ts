// The width a list's table asks for (its scroll.x): the columns' widths summed, so the table scrolls sideways only
// when the window is narrower than that, and a column shown to some accounts only (the station) counts only then.

/** A column without a width of its own counts as `flexible` pixels (it takes what is left beyond that). */
export function tableWidth(columns: readonly { width?: number | string }[], flexible = 140): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === "number" ? c.width : flexible), 0);
}
