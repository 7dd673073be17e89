import { parseSearchSteps, type SearchSteps } from "./query";

let steps: SearchSteps | undefined;

/**
 * The pipeline steps this process runs: all of them, unless SEARCH_PIPELINE names fewer. That knob
 * exists for the quality evaluation's ablation (npm run eval:search), not for users.
 */
export function activeSearchSteps(): SearchSteps {
  steps ??= parseSearchSteps(process.env.SEARCH_PIPELINE);
  return steps;
}
