// Merchant categories keep one colour everywhere: the home chart and the market map read the same.
import { brand } from "./theme.ts";

export const categoryColours: Record<string, string> = {
  supermarket: brand.red,
  catering: "#e8684a",
  non_staple_food: brand.gold,
  fruit_vegetable: "#52a447",
  pharmacy: "#3f7fd1",
  other: "#8c6dc6",
};

export const vacantColour = "#e8e8e8";

export function colourOf(category: string | null): string {
  if (!category) return vacantColour;
  return categoryColours[category] ?? categoryColours.other;
}
