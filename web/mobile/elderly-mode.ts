import { useEffect, useState } from "react";

const STORAGE_KEY = "dd_elderly";

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

function apply(on: boolean): void {
  document.documentElement.classList.toggle("dd-elderly", on);
}

apply(stored());

/** Elderly mode (长辈模式): larger type and touch targets, remembered on this phone. */
export function useElderlyMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(stored);
  useEffect(() => apply(on), [on]);
  const change = (next: boolean) => {
    try {
      localStorage.setItem(STORAGE_KEY, next ? "1" : "0");
    } catch {
      // private mode: lasts for this page only
    }
    setOn(next);
  };
  return [on, change];
}
