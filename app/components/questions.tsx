import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { QUESTION_LIMITS } from "~/schemas/question.shared";
import { formatDate, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { RichTextField } from "./editor/rich-text-field";
import { ConformForm, FieldLabel, MessageError, Tags, describedBy, fieldValue, useGildeForm } from "./form";
import { Highlighted } from "./highlight";
import { AnonymousAskField } from "./recognition";
import { TagInput } from "./tag-input";

export type QuestionItem = {
  id: string;
  title: string;
  state: string;
  createdAt: string;
  /** Null: asked as "a member", and this viewer may not know who asked. */
  authorName: string | null;
  tags: string[];
  answerCount: number;
  accepted: boolean;
};

export function QuestionStateBadge({ state, accepted }: { state: string; accepted: boolean }) {
  const t = useT();
  return (
    <>
      <span className={`badge badge-question-${state.toLowerCase()}`}>{t(`questions.state.${state}` as MessageKey)}</span>
      {accepted && state === "OPEN" ? <span className="badge badge-published"> ✓ {t("questions.answered")}</span> : null}
    </>
  );
}

/** The questions of a community: title, state, answers, who asked and when. */
export function QuestionList({ questions, compact = false }: { questions: QuestionItem[]; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="community-list question-list">
      {questions.map((q) => (
        <li key={q.id}>
          <p className="question-line">
            <Link to={`/questions/${q.id}`} className="question-title">
              {q.title}
            </Link>{" "}
            <QuestionStateBadge state={q.state} accepted={q.accepted} />
          </p>
          <p className="muted small">
            {t("questions.answers", { count: q.answerCount })} · {t("questions.askedBy", { name: q.authorName ?? t("recognition.anonymous.aMember"), date: formatDate(locale, q.createdAt) })}
          </p>
          {compact ? null : <Tags tags={q.tags} label={t("entry.tags")} />}
        </li>
      ))}
    </ul>
  );
}

/** The community home's card: the newest questions and a way to the questions page. */
export function LatestQuestionsCard({ slug, count, questions, canAsk }: { slug: string; count: number; questions: QuestionItem[]; canAsk: boolean }) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="latest-questions">
      <div className="card-head">
        <h2 id="latest-questions">{t("questions.latest")}</h2>
        {canAsk ? (
          <Link to={`/communities/${slug}/questions#ask`} className="button small">
            {t("questions.askLink")}
          </Link>
        ) : null}
      </div>
      {questions.length ? <QuestionList questions={questions} compact /> : <p className="muted">{t("questions.empty")}</p>}
      <p>
        <Link to={`/communities/${slug}/questions`}>{t("questions.all", { count })}</Link>
      </p>
    </section>
  );
}

type SimilarData =
  | {
      status: "ok" | "unavailable";
      q: string;
      questions: { id: string; title: string; titleHighlighted: string; communityName: string; state: string; accepted: boolean; answerCount: number }[];
      entries: { id: string; title: string; titleHighlighted: string; communityName: string | null }[];
    }
  | undefined;

/** Similar questions and entries for the title being typed, in a live region (JavaScript only). */
function SimilarSuggestions({ data, typed }: { data: SimilarData; typed: boolean }) {
  const t = useT();
  const show = typed && data && data.q.length >= QUESTION_LIMITS.similarMin;
  return (
    <div className="similar-suggestions" aria-live="polite" aria-atomic="false" id="ask-similar">
      {!show ? null : data.status === "unavailable" ? (
        <p className="muted small">{t("questions.similar.unavailable")}</p>
      ) : data.questions.length === 0 && data.entries.length === 0 ? (
        <p className="muted small">{t("questions.similar.none")}</p>
      ) : (
        <div className="card subtle">
          <h3>{t("questions.similar.title")}</h3>
          <p className="visually-hidden">{t("questions.similar.found", { questions: t("questions.similar.questionCount", { count: data.questions.length }), entries: t("questions.similar.entryCount", { count: data.entries.length }) })}</p>
          {data.questions.length ? (
            <>
              <h4>{t("questions.similar.questions")}</h4>
              <ul className="plain-list">
                {data.questions.map((q) => (
                  <li key={q.id}>
                    <Link to={`/questions/${q.id}`} target="_blank" rel="noopener">
                      <Highlighted text={q.titleHighlighted} />
                    </Link>{" "}
                    <span className="muted small">
                      {q.communityName} · {t("questions.answers", { count: q.answerCount })}
                      {q.accepted ? ` · ✓ ${t("questions.answered")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.entries.length ? (
            <>
              <h4>{t("questions.similar.entries")}</h4>
              <ul className="plain-list">
                {data.entries.map((e) => (
                  <li key={e.id}>
                    <Link to={`/entries/${e.id}`} target="_blank" rel="noopener">
                      <Highlighted text={e.titleHighlighted} />
                    </Link>
                    {e.communityName ? <span className="muted small"> {e.communityName}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}


/** The ask form. With JavaScript, similar questions and entries appear while the title is typed. */
export function AskQuestionForm({ communityId, tags, busy }: { communityId: string; tags: string[]; busy: boolean }) {
  const t = useT();
  const fetcher = useFetcher<SimilarData>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [typed, setTyped] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  const [form, fields] = useGildeForm("question-ask", undefined, { only: true });
  const title = fields.title;
  const id = title.id;
  const titleError = title.errors?.[0];
  const lookUp = (value: string) => {
    clearTimeout(timer.current);
    const q = value.trim();
    setTyped(q.length >= QUESTION_LIMITS.similarMin);
    if (q.length < QUESTION_LIMITS.similarMin) return;
    timer.current = setTimeout(() => {
      fetcher.load(`/questions/similar?${new URLSearchParams({ q: q.slice(0, QUESTION_LIMITS.similarMax), community: communityId })}`);
    }, 250);
  };
  return (
    <ConformForm form={form} className="stack" aria-labelledby="ask-heading">
      <div className="ask-title-row">
        <div className="field">
          <FieldLabel id={id} label={t("questions.field.title")} hint={t("questions.field.titleHint")} />
          <input
            key={title.key}
            id={id}
            name={title.name}
            defaultValue={fieldValue(title, undefined)}
            maxLength={QUESTION_LIMITS.titleMax * 2}
            required
            autoComplete="off"
            aria-invalid={titleError ? true : undefined}
            aria-describedby={describedBy(id, "hint", Boolean(titleError))}
            onChange={(event) => lookUp(event.currentTarget.value)}
          />
          <MessageError id={`${id}-error`} error={titleError} />
        </div>
        <SimilarSuggestions data={fetcher.data} typed={typed} />
      </div>
      <RichTextField field={fields.body} plainField={fields.bodyPlain} label={t("questions.field.body")} />
      <TagInput field={fields.tags} label={t("questions.field.tags")} hint={t("questions.field.tagsHint")} suggestions={tags} removeLabel={(tag) => t("tags.remove", { tag })} />
      <AnonymousAskField field={fields.anonymous} />
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("questions.submitAsk")}
        </button>
      </div>
    </ConformForm>
  );
}

type QuestionSearchHit = { id: string; title: string; titleHighlighted: string; communityName: string; state: string; answerCount: number; accepted: boolean };

/** Beside the search results: matching questions of the communities the user may see. */
export function QuestionSearchHits({ hits }: { hits: QuestionSearchHit[] }) {
  const t = useT();
  if (hits.length === 0) return null;
  return (
    <section className="question-hits" aria-labelledby="question-hits">
      <h2 id="question-hits">{t("questions.inSearch")}</h2>
      <ul className="plain-list">
        {hits.map((q) => (
          <li key={q.id}>
            <Link to={`/questions/${q.id}`}>
              <Highlighted text={q.titleHighlighted} />
            </Link>
            <div className="muted small">
              {q.communityName} · {t("questions.answers", { count: q.answerCount })}
              {q.accepted ? ` · ✓ ${t("questions.answered")}` : ""}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
