/**
 * What the department head's dashboard shares with the browser. The page's text names the trend's length,
 * so it cannot live in the `.server` module, whose exports are removed from the client bundle.
 */
export const TREND_WEEKS = 8;
