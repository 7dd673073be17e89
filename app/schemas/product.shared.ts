/**
 * The product forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in product.ts.
 */

export const PRODUCT_LIMITS = {
  intervalMin: 7,
  intervalMax: 1095,
  noteMax: 500,
  /** How far ahead a retirement may be planned: two years. */
  retireDaysMax: 730,
  queryMax: 100,
} as const;

export const PRODUCT_INTENT = {
  mark: "mark",
  unmark: "unmark",
  interval: "interval",
  retire: "retire",
  cancelRetirement: "cancel-retirement",
} as const;
