/**
 * Whether the person's system asks for less motion (`prefers-reduced-motion: reduce`, an accessibility setting on
 * every desktop and phone system). The console's components, the phone's and the charts then draw their final
 * state at once instead of animating to it. Read once at start: the setting rarely changes within a visit.
 */
export const reducedMotion: boolean =
  typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
