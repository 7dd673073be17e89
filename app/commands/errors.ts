import type { Message, MessageKey } from "~/utils/i18n";

/**
 * Why a command said no, in the words routes answer with: `forbidden` (403) and `notFound` (404)
 * become error pages; `invalid` (400) and `conflict` (409) put the message beside `field` in the
 * form (app/utils/request.server.ts, replyCommandError). Commands throw only these.
 */
export type CommandErrorKind = "forbidden" | "notFound" | "invalid" | "conflict";

const STATUS: Record<CommandErrorKind, 400 | 403 | 404 | 409> = { invalid: 400, forbidden: 403, notFound: 404, conflict: 409 };

export class CommandError extends Error {
  readonly status: 400 | 403 | 404 | 409;

  private constructor(
    readonly kind: CommandErrorKind,
    readonly messageKey: MessageKey,
    readonly field: string,
    readonly vars?: Message["vars"],
  ) {
    super(messageKey);
    this.name = "CommandError";
    this.status = STATUS[kind];
  }

  /** The actor may not do this (a more precise message may say why, about one field of the input). */
  static forbidden(messageKey: MessageKey = "error.forbidden.body", field = "_form") {
    return new CommandError("forbidden", messageKey, field);
  }

  /** It does not exist, or not for this actor (closed communities, archived entries). */
  static notFound(messageKey: MessageKey = "error.notFound.body") {
    return new CommandError("notFound", messageKey, "_form");
  }

  /** A rule of the domain refuses this input; the message (with its variables) goes beside `field`. */
  static invalid(messageKey: MessageKey, field = "_form", vars?: Message["vars"]) {
    return new CommandError("invalid", messageKey, field, vars);
  }

  /** The thing is no longer in the state the request assumed (decided, closed, sent on). */
  static conflict(messageKey: MessageKey, field = "_form") {
    return new CommandError("conflict", messageKey, field);
  }
}
