/**
 * Rows or ids per statement when one list can be as long as a department: SQLite refuses a statement with
 * more bound values than its limit, so long lists go a slice at a time.
 */
export const BOUND_VALUES_CHUNK = 500;

/** The items in slices of at most `size`, in order. */
export function chunks<T>(items: readonly T[], size = BOUND_VALUES_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
