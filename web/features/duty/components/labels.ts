// Colours and short names of the roster: one colour per department, stable across months.

const palette = [
  "#c8102e",
  "#3f7fd1",
  "#52a447",
  "#d48806",
  "#8c6dc6",
  "#13a8a8",
  "#e8684a",
  "#597ef7",
  "#a0522d",
  "#eb2f96",
  "#2f8f5b",
  "#7a7a7a",
];

/** The colour of a unit: by its place in the station's list of units (the legend's order). */
export function unitColour(unitIds: readonly number[], unitId: number): string {
  const i = unitIds.indexOf(unitId);
  return palette[(i < 0 ? unitId : i) % palette.length];
}

/** A name short enough for a calendar cell: the district or street prefix dropped (the legend shows it whole). */
export function shortUnitName(name: string): string {
  const short = name.replace(/^银河路街道/, "").replace(/^区(?=.{3,})/, "");
  return short.length > 0 ? short : name;
}

export const weekdayNumbers = [1, 2, 3, 4, 5, 6, 7] as const;

export const sessionStatusColour: Record<string, string> = { scheduled: "blue", held: "green", cancelled: "default" };
export const bookingStatusColour: Record<string, string> = { booked: "blue", attended: "green", missed: "red", cancelled: "default" };
export const outcomeColour: Record<string, string> = { solved: "green", follow_up: "gold", referred: "purple" };
