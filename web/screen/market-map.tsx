// The market's plan on the big screen: every stall where it stands, coloured by its trade (the console's map
// colours), with nothing that names a merchant or a person.
import type { ScreenData } from "../../contracts/screen.ts";
import { categoryColours } from "../app/category-colours.ts";
import type { ScreenTexts } from "./texts.ts";

const VACANT = "#3a4257";

export function MarketMap({ map, t }: { map: NonNullable<ScreenData["map"]>; t: ScreenTexts }) {
  const present = new Map<string, number>();
  for (const s of map.stalls) present.set(s.category ?? "", (present.get(s.category ?? "") ?? 0) + 1);
  const legend = [...Object.keys(categoryColours).filter((c) => present.has(c)), ...(present.has("") ? [""] : [])];
  return (
    <section className="map" aria-label={t.map}>
      <div className="chart-title">{t.map}</div>
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={t.map}>
        {map.stalls.map((s) => (
          <rect
            key={`${s.x}-${s.y}`}
            x={s.x}
            y={s.y}
            width={s.w}
            height={s.h}
            rx={4}
            fill={s.category ? (categoryColours[s.category] ?? categoryColours.other) : VACANT}
          />
        ))}
      </svg>
      <div className="legend">
        {legend.map((c) => (
          <span key={c || "vacant"}>
            <i style={{ background: c ? categoryColours[c] : VACANT }} />
            {c ? (t.category[c] ?? c) : t.vacant} {present.get(c)}
          </span>
        ))}
      </div>
    </section>
  );
}
