/**
 * For code a page can do without at first (the rich-text editor): fetch it once the browser has shown the
 * page, so it never competes with what the first paint needs. Browser only; call it from an effect.
 *
 * Resolves after the page's first contentful paint and then a moment of idle time (or `idleTimeoutMs`,
 * whichever comes first). Where the browser reports no paint timing, or reports none within
 * `paintTimeoutMs` (a tab opened in the background paints only when shown), it resolves anyway.
 */
export function afterFirstPaint({ idleTimeoutMs = 1000, paintTimeoutMs = 3000 } = {}): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    let observer: PerformanceObserver | undefined;
    let fallback: ReturnType<typeof setTimeout> | undefined;
    const painted = () => {
      if (settled) return;
      settled = true;
      observer?.disconnect();
      clearTimeout(fallback);
      if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => resolve(), { timeout: idleTimeoutMs });
      else setTimeout(resolve, 0);
    };
    if (performance.getEntriesByName?.("first-contentful-paint").length) return painted();
    if (typeof PerformanceObserver === "undefined" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) return painted();
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length) painted();
    });
    observer.observe({ type: "paint", buffered: true });
    fallback = setTimeout(painted, paintTimeoutMs);
  });
}
