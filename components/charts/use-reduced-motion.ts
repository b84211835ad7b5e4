"use client";
// Charts animate only for people who want motion: never under automation (navigator.webdriver, so
// screenshots and tests are stable) nor with prefers-reduced-motion.
import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

function subscribe(onChange: () => void) {
  const mq = window.matchMedia?.(QUERY);
  mq?.addEventListener("change", onChange);
  return () => mq?.removeEventListener("change", onChange);
}

const snapshot = () => (typeof navigator !== "undefined" && navigator.webdriver) || !!window.matchMedia?.(QUERY).matches;

export function useReducedMotion(): boolean {
  // On the server, render without animation; the client decides after hydration.
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
