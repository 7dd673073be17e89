/**
 * Boot steps with their durations in the log, each with a bound: a step that runs past its bound
 * is said in the log while it still runs, so a boot that waits shows what it waits for.
 */
export async function bootStep<T>(name: string, run: () => Promise<T> | T, options: { warnAfterMs?: number } = {}): Promise<T> {
  const started = Date.now();
  const warnAfter = options.warnAfterMs ?? 10_000;
  const slow = setInterval(() => console.warn(`[boot] still waiting for ${name} (${Math.round((Date.now() - started) / 1000)} s)`), warnAfter);
  slow.unref();
  try {
    const result = await run();
    console.log(`[boot] ${name}: ${Date.now() - started} ms`);
    return result;
  } catch (error) {
    console.warn(`[boot] ${name} failed after ${Date.now() - started} ms`);
    throw error;
  } finally {
    clearInterval(slow);
  }
}
