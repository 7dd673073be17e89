/**
 * The app's door to the search side (search/). Routes import from here: being a `.server` module
 * inside app/, the Remix compiler keeps it, and everything behind it, out of the browser bundle.
 */
export { HIGHLIGHT_PRE, HIGHLIGHT_POST, searchEntries, similarEntries, searchHealth, type EntrySearch, type EntryHit } from "../../search/search.server";
export { warmUpDutch } from "../../search/dutch";
export { searchKnowledge, searchQuestions, similarToTitle, type QuestionHit, type QuestionSearch, type SimilarToTitle } from "../../search/search.server";
export { pendingOutboxCount } from "../../search/outbox.server";
export { embeddedSearchState } from "../../search/launcher";
