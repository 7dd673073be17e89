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
    const idle = () => {
      if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => resolve(), { timeout: idleTimeoutMs });
      else setTimeout(resolve, 0);
    };
    if (performance.getEntriesByName?.("first-contentful-paint").length) return idle();
    if (typeof PerformanceObserver === "undefined" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) return idle();
    let settled = false;
    const painted = () => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(fallback);
      idle();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length) painted();
    });
    const fallback = setTimeout(painted, paintTimeoutMs);
    observer.observe({ type: "paint", buffered: true });
  });
}
