/** A moment after `earliest` and before now: `wanted` when it is, else shortly after `earliest`. */
export function laterThan(earliest: Date, wanted: Date, now: Date): Date {
  if (wanted > earliest && wanted < now) return wanted;
  return new Date(Math.min(earliest.getTime() + 20 * 60_000, (earliest.getTime() + now.getTime()) / 2));
}
