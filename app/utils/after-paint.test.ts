import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterFirstPaint } from "./after-paint";

/** A browser's paint timing, as far as afterFirstPaint uses it: entries so far, and observers told of new ones. */
function paintTiming({ supported = true } = {}) {
  const entries: { name: string }[] = [];
  const observers = new Set<{ callback: (list: { getEntriesByName(name: string): unknown[] }) => void; disconnected: boolean }>();
  class FakeObserver {
    static supportedEntryTypes = supported ? ["paint", "resource"] : ["resource"];
    private state: { callback: (list: { getEntriesByName(name: string): unknown[] }) => void; disconnected: boolean };
    constructor(callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {
      this.state = { callback, disconnected: false };
    }
    observe() {
      observers.add(this.state);
    }
    disconnect() {
      this.state.disconnected = true;
      observers.delete(this.state);
    }
  }
  vi.stubGlobal("PerformanceObserver", FakeObserver);
  vi.stubGlobal("performance", { getEntriesByName: (name: string) => entries.filter((e) => e.name === name) });
  const idle: (() => void)[] = [];
  vi.stubGlobal("window", { requestIdleCallback: (run: () => void) => idle.push(run) });
  return {
    paint(name = "first-contentful-paint") {
      const entry = { name };
      entries.push(entry);
      for (const o of [...observers]) o.callback({ getEntriesByName: (n: string) => (n === name ? [entry] : []) });
    },
    runIdle() {
      for (const run of idle.splice(0)) run();
    },
    observing: () => observers.size,
  };
}

async function settled(promise: Promise<void>) {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe("afterFirstPaint", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("waits for the first contentful paint and then for idle time", async () => {
    const browser = paintTiming();
    const waiting = afterFirstPaint();
    browser.paint("first-paint");
    browser.runIdle();
    expect(await settled(waiting)).toBe(false);
    browser.paint();
    expect(await settled(waiting)).toBe(false);
    browser.runIdle();
    expect(await settled(waiting)).toBe(true);
    expect(browser.observing()).toBe(0);
  });

  it("goes on at the next idle moment when the page has painted already (a client-side navigation)", async () => {
    const browser = paintTiming();
    browser.paint();
    const waiting = afterFirstPaint();
    browser.runIdle();
    expect(await settled(waiting)).toBe(true);
  });

  it("does not wait for ever when no paint is reported (a tab opened in the background)", async () => {
    const browser = paintTiming();
    const waiting = afterFirstPaint({ paintTimeoutMs: 3000 });
    await vi.advanceTimersByTimeAsync(2999);
    browser.runIdle();
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    browser.runIdle();
    expect(await settled(waiting)).toBe(true);
    expect(browser.observing()).toBe(0);
  });

  it("goes on at once where the browser has no paint timing", async () => {
    const browser = paintTiming({ supported: false });
    const waiting = afterFirstPaint();
    browser.runIdle();
    expect(await settled(waiting)).toBe(true);
  });
});
