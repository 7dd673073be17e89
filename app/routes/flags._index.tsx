import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { withdrawFlag } from "~/commands/manage-flag.server";
import { MyFlagItem } from "~/components/entry-flags";
import { StrandedFormAlert } from "~/components/form";
import { listFlagsByUser } from "~/models/flag.server";
import { canViewEntry, canWithdrawFlag } from "~/policies/policies";
import { WithdrawFlagSchema } from "~/schemas/flag";
import { parseSubmission } from "~/schemas/form";
import { redirectWithFlash } from "~/utils/flash.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/** "My flags": only ever the signed-in user's own flags, and what became of each. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const flags = await listFlagsByUser(actor.id);
  return json({
    flags: flags.map(({ entry, ...flag }) => {
      const successor = entry.successor && entry.successor.state !== "ARCHIVED" && canViewEntry(actor, entry.successor) ? { id: entry.successor.id, title: entry.successor.title } : null;
      return {
        ...flag,
        entry: { id: entry.id, title: entry.title, visible: canViewEntry(actor, entry) },
        successor,
        can: { withdraw: canWithdrawFlag(actor, { userId: actor.id, state: flag.state }) },
      };
    }),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseSubmission(WithdrawFlagSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withdrawFlag(actor, submission.value.flagId);
    return redirectWithFlash(request, "/flags", { key: "flags.done.withdrawn" });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function MyFlags() {
  const t = useT();
  const { flags } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="stack">
      <div>
        <h1>{t("flags.mine.title")}</h1>
        <p className="lead">{t("flags.mine.lead")}</p>
      </div>
      <StrandedFormAlert shown={flags.filter((f) => f.can.withdraw).map((f) => `flag-withdraw-${f.id}`)} />
      {flags.length === 0 ? <p className="empty">{t("flags.mine.empty")}</p> : <p className="muted">{t("flags.mine.count", { count: flags.length })}</p>}
      <ul className="note-list">
        {flags.map((flag) => (
          <MyFlagItem key={flag.id} flag={flag} busy={busy} />
        ))}
      </ul>
    </div>
  );
}
