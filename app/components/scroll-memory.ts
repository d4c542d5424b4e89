import { useEffect, useLayoutEffect } from "react";
import { useLocation, useNavigationType } from "react-router";

// Where each page of this tab was left, by history entry: back and forward return there.
const positions = new Map<string, number>();
let current = "";

/**
 * What React Router's <ScrollRestoration> does for an app of pages, in a tenth of its bytes (ADR 008):
 * a new page opens at its top (or its #anchor), back and forward return to where the page was left.
 * A reload is left to the browser, whose own restoration is switched back on as the page goes.
 */
export function useScrollMemory() {
  const location = useLocation();
  const navigation = useNavigationType();
  useEffect(() => {
    const remember = () => positions.set(current, window.scrollY);
    const leave = () => (history.scrollRestoration = "auto");
    history.scrollRestoration = "manual";
    addEventListener("scroll", remember, { passive: true });
    addEventListener("pagehide", leave);
    return () => {
      removeEventListener("scroll", remember);
      removeEventListener("pagehide", leave);
    };
  }, []);
  useLayoutEffect(() => {
    // The first render is the page the browser loaded: its scroll is the browser's.
    const first = current === "";
    current = location.key;
    if (first) return;
    const saved = positions.get(location.key);
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (navigation === "POP" && saved !== undefined) window.scrollTo(0, saved);
    else if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  }, [location, navigation]);
}
