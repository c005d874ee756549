// The big screen: a 1920×1080 canvas scaled whole to the display (letterboxed), for a station's hall. It reads the
// token's unit's figures (GET /api/public/screen with `Authorization: Kiosk <token>`), draws the report's four parts
// side by side — each part's figures, then its chart (the Party development funnel, the market map, a figure by
// month) — and asks again every minute with the last ETag (a 304 when nothing changed). A revoked token turns the
// screen into a notice; a lost connection keeps the last figures with a line saying so.
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ScreenData, ScreenFigure, ScreenSeries } from "../../contracts/screen.ts";
import { fitCanvas, type Shown, shownValue } from "./format.ts";
import { MarketMap } from "./market-map.tsx";
import { type ScreenLang, type ScreenTexts, texts } from "./texts.ts";

const Charts = {
  Series: lazy(() => import("./charts.tsx").then((m) => ({ default: m.SeriesChart }))),
  Funnel: lazy(() => import("./charts.tsx").then((m) => ({ default: m.FunnelChartView }))),
};

const TOKEN_KEY = "dandelion.kiosk-token";
const FUNNEL = ["party.applicants", "party.activists", "party.candidates", "party.members"];
const NUMERALS = ["", "一", "二", "三", "四"];
/** A chart narrower in height than this is left out rather than drawn unreadably small. */
const MIN_CHART = 160;

/** The token from the address (then kept, and taken out of the address bar), else the one kept before. */
export function takeToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromAddress = params.get("token");
  if (fromAddress) {
    try {
      window.localStorage.setItem(TOKEN_KEY, fromAddress);
      params.delete("token");
      const rest = params.toString();
      window.history.replaceState(null, "", `${window.location.pathname}${rest ? `?${rest}` : ""}`);
    } catch {
      // No storage (a locked-down kiosk): the address keeps the token.
    }
    return fromAddress;
  }
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

type State = { kind: "loading" } | { kind: "invalid" } | { kind: "shown"; data: ScreenData; checkedAt: Date; offline: boolean };

/** `?preview=station:3`: the console's preview of a unit, read with the signed-in account instead of a token. */
const previewScope = () => {
  const p = new URLSearchParams(window.location.search).get("preview");
  return p && /^(station|street|district):\d+$/.test(p) ? p : null;
};

function useScreenData(token: string | null, preview: string | null) {
  const [state, setState] = useState<State>(token || preview ? { kind: "loading" } : { kind: "invalid" });
  const etag = useRef<string | null>(null);
  const load = useCallback(async () => {
    if (!token && !preview) return;
    try {
      const res = preview
        ? await fetch(`/api/screen/preview?scope=${encodeURIComponent(preview)}`, { cache: "no-store", credentials: "same-origin" })
        : await fetch("/api/public/screen", {
            headers: { authorization: `Kiosk ${token}`, ...(etag.current ? { "if-none-match": etag.current } : {}) },
            cache: "no-store",
          });
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        etag.current = null;
        setState({ kind: "invalid" });
        return;
      }
      if (res.status === 304) {
        setState((s) => (s.kind === "shown" ? { ...s, checkedAt: new Date(), offline: false } : s));
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const data = (await res.json()) as ScreenData;
      etag.current = res.headers.get("etag");
      setState({ kind: "shown", data, checkedAt: new Date(), offline: false });
    } catch {
      setState((s) => (s.kind === "shown" ? { ...s, offline: true } : s));
    }
  }, [token, preview]);
  const refreshSeconds = state.kind === "shown" ? state.data.refreshSeconds : 60;
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), refreshSeconds * 1000);
    // A display woken from sleep asks at once.
    const wake = () => document.visibilityState === "visible" && void load();
    document.addEventListener("visibilitychange", wake);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [load, refreshSeconds]);
  return state;
}

/** Scales the 1920×1080 canvas to the window, whole and centred. */
function useFit() {
  const [fit, setFit] = useState(() => fitCanvas(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const resize = () => setFit(fitCanvas(window.innerWidth, window.innerHeight));
    window.addEventListener("resize", resize);
    return () => window.removeEventListener("resize", resize);
  }, []);
  return fit;
}

const stationTime = (d: Date, lang: ScreenLang, withSeconds = false) =>
  d.toLocaleTimeString(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
    hour12: false,
  });
const stationDay = (d: Date, lang: ScreenLang) =>
  d.toLocaleDateString(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: lang === "en" ? "short" : "long",
    day: "numeric",
    weekday: lang === "en" ? "short" : "long",
  });

function useNow() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function Value({ shown }: { shown: Shown }) {
  return (
    <span className="value">
      <b>{shown.number}</b>
      {shown.unit && <small>{shown.unit}</small>}
    </span>
  );
}

function FigureRow({ f, lang }: { f: ScreenFigure; lang: ScreenLang }) {
  return (
    <li className={`figure${f.rag ? ` rag-${f.rag}` : ""}`} data-testid={`screen-figure-${f.id}`}>
      <span className="name">{f.name[lang]}</span>
      <Value shown={shownValue(f, lang)} />
    </li>
  );
}

/** The height an element is given by the layout (unscaled: the canvas's transform does not change it). */
function useHeight<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const el = ref.current;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height] as const;
}

type Extra =
  | { kind: "funnel"; steps: { name: string; value: number | null; shown: string }[] }
  | { kind: "map"; map: NonNullable<ScreenData["map"]> }
  | { kind: "series"; series: ScreenSeries };

function Part({ part, data, lang, t }: { part: ScreenData["parts"][number]; data: ScreenData; lang: ScreenLang; t: ScreenTexts }) {
  const [extrasRef, extrasHeight] = useHeight<HTMLDivElement>();
  const funnel = FUNNEL.map((id) => part.figures.find((f) => f.id === id)).filter((f) => f !== undefined);
  const withFunnel = funnel.length >= 3;
  const listed = withFunnel ? part.figures.filter((f) => !FUNNEL.includes(f.id)) : part.figures;
  const extras: Extra[] = [];
  if (withFunnel) {
    extras.push({
      kind: "funnel",
      steps: funnel.map((f) => {
        const s = shownValue(f, lang);
        return { name: f.name[lang], value: f.value, shown: `${s.number}${s.unit ? ` ${s.unit}` : ""}` };
      }),
    });
  }
  if (part.part === 2 && data.map) extras.push({ kind: "map", map: data.map });
  for (const s of part.series) extras.push({ kind: "series", series: s });
  // As many charts as the column has room for, each at least MIN_CHART high.
  const fits = Math.max(0, Math.min(extras.length, Math.floor((extrasHeight + 16) / (MIN_CHART + 16))));
  const shown = extras.slice(0, fits);
  // The map takes a larger share than a chart (its legend needs room under the plan).
  const weight = (e: Extra) => (e.kind === "map" ? 1.5 : 1);
  const total = shown.reduce((n, e) => n + weight(e), 0);
  const free = extrasHeight - 16 * Math.max(0, shown.length - 1);
  const heightOf = (e: Extra) => Math.floor((free * weight(e)) / total);
  const words = t.parts[part.part];
  return (
    <section className="part" data-testid={`screen-part-${part.part}`} aria-labelledby={`part-${part.part}`}>
      <header>
        <span className="numeral" aria-hidden>
          {NUMERALS[part.part]}
        </span>
        <div>
          <h2 id={`part-${part.part}`}>{words.title}</h2>
          <p>{words.subtitle}</p>
        </div>
      </header>
      {part.figures.length === 0 ? (
        <p className="empty">{t.noFigures}</p>
      ) : (
        <ul className={`figures${listed.length > 9 ? " dense" : ""}`}>
          {listed.map((f) => (
            <FigureRow key={f.id} f={f} lang={lang} />
          ))}
        </ul>
      )}
      <div className="extras" ref={extrasRef}>
        {shown.map((e) => (
          <div key={e.kind === "series" ? e.series.id : e.kind} style={{ height: heightOf(e), flex: "none" }}>
            {e.kind === "map" ? (
              <MarketMap map={e.map} t={t} />
            ) : (
              <Suspense fallback={null}>
                {e.kind === "funnel" ? (
                  <Charts.Funnel steps={e.steps} title={t.funnel} height={heightOf(e)} />
                ) : (
                  <Charts.Series series={e.series} lang={lang} height={heightOf(e)} />
                )}
              </Suspense>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

export function ScreenApp() {
  const lang: ScreenLang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "zh-CN";
  const t = texts[lang];
  const [preview] = useState(previewScope);
  const [token] = useState(() => (preview ? null : takeToken()));
  const state = useScreenData(token, preview);
  const fit = useFit();
  const now = useNow();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    if (state.kind === "shown") document.title = `${state.data.scope.name} · ${t.title}`;
  }, [state, t]);

  return (
    <div className="stage">
      <div
        className="canvas"
        style={{ transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})` }}
        data-testid="screen-canvas"
        data-state={state.kind}
      >
        {state.kind === "invalid" && (
          <div className="notice" role="alert" data-testid="screen-invalid">
            <h1>{t.invalidTitle}</h1>
            <p>{t.invalidHint}</p>
          </div>
        )}
        {state.kind === "loading" && <div className="notice">{t.loading}</div>}
        {state.kind === "shown" && (
          <>
            <header className="top">
              <div>
                <h1>
                  {state.data.scope.name}
                  <span> · {t.title}</span>
                </h1>
                <p>
                  {t.period} {state.data.period.from} {t.to} {state.data.period.to}
                  {state.data.scope.kind !== "station" && ` · ${state.data.scope.stations} ${t.stations}`}
                </p>
              </div>
              <div className="clock">
                <b>{stationTime(now, lang)}</b>
                <span>{stationDay(now, lang)}</span>
                <span data-testid="screen-updated">
                  {t.updated} {stationTime(state.checkedAt, lang, true)}
                </span>
              </div>
            </header>
            <main className="parts">
              {state.data.parts.map((p) => (
                <Part key={p.part} part={p} data={state.data} lang={lang} t={t} />
              ))}
            </main>
            <footer className={state.offline ? "offline" : undefined} role={state.offline ? "status" : undefined}>
              {state.offline ? t.offline : t.footer}
            </footer>
          </>
        )}
      </div>
    </div>
  );
}
