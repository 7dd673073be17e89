import type { MessageKey } from "~/utils/i18n";

/** A rule of the domain said no: the route answers 400/409 with this message beside `field`. */
export class CommandError extends Error {
  constructor(
    public readonly messageKey: MessageKey,
    public readonly field = "_form",
    public readonly status = 400,
  ) {
    super(messageKey);
  }
}
