/**
 * Synonyms and abbreviations that knowledge managers keep for search. A GROUP holds equivalent words
 * (each finds the others); an EXPANSION is one way: searching its term also finds its words. The form
 * schema checks one rule; `checkRuleSet` checks a rule against the others (the command runs it on
 * the rules in the database).
 */
import { z } from "zod";
import { SYNONYM_KINDS, SYNONYM_LIMITS, normaliseWord, splitWords, message, shown, wordProblem, SYNONYM_INTENT, type RuleFields } from "./synonym.shared";

const ruleId = z.string().regex(/^[a-z0-9]{10,40}$/, "error.invalid");

const ruleFields = {
  kind: z.enum(SYNONYM_KINDS),
  term: z.string().max(SYNONYM_LIMITS.inputMax).optional().default(""),
  words: z.string().max(SYNONYM_LIMITS.inputMax).optional().default(""),
};

/** One rule on its own: the words' form and count, no duplicates, a term that does not expand to itself. */
function checkRule(value: RuleFields, ctx: z.RefinementCtx) {
  const words = splitWords(value.words);
  const add = (path: string, text: string) => ctx.addIssue({ code: "custom", path: [path], message: text });
  if (value.kind === "EXPANSION") {
    const term = normaliseWord(value.term);
    if (!term) add("term", message("error.synonym.termRequired"));
    else if (term.includes(",") || term.includes(";")) add("term", message("error.synonym.oneTerm"));
    else {
      const problem = wordProblem(term);
      if (problem) add("term", problem);
    }
  }
  const [min, max] = value.kind === "GROUP" ? [SYNONYM_LIMITS.groupMin, SYNONYM_LIMITS.groupMax] : [SYNONYM_LIMITS.expansionMin, SYNONYM_LIMITS.expansionMax];
  if (words.length === 0) return add("words", message("error.synonym.wordsRequired"));
  if (words.length < min || words.length > max) {
    return add("words", message(value.kind === "GROUP" ? "error.synonym.groupSize" : "error.synonym.expansionSize", { min, max, count: words.length }));
  }
  for (const word of words) {
    const problem = wordProblem(word);
    if (problem) return add("words", problem);
  }
  const seen = new Set<string>();
  for (const word of words) {
    if (seen.has(word)) return add("words", message("error.synonym.duplicate", { word: shown(word) }));
    seen.add(word);
  }
  if (value.kind === "EXPANSION" && seen.has(normaliseWord(value.term))) add("words", message("error.synonym.selfExpansion", { term: shown(normaliseWord(value.term)) }));
}

export const SynonymIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(SYNONYM_INTENT.create), ...ruleFields }).superRefine(checkRule),
  z.object({ intent: z.literal(SYNONYM_INTENT.update), ruleId, ...ruleFields }).superRefine(checkRule),
  z.object({ intent: z.literal(SYNONYM_INTENT.delete), ruleId }),
]);
