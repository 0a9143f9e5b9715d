/**
 * A committee's lead raises an issue for one member's year-end review (flow "committee.issue"),
 * after picking the cell and the member from lists: the text, then a confirmation. The member is
 * told at once, as for any decision about them.
 */
import { notifyPerson } from "../../../delivery/notify.ts";
import { DomainError } from "../../../domain/errors.ts";
import { cancelChoice, choiceStep, stepChoice, type StepDef } from "../../../kernel/dialogue/steps.ts";
import type { FeatureContext, Turn } from "../../../kernel/feature.ts";
import { leadRoles, requirePost } from "../access.ts";
import { activeMemberName, cellWithCommittee } from "./queries.ts";
import { raiseIssue, reviewYear } from "./services/issues.ts";
import { checkLongText, issueLimits } from "./texts.ts";

export const committeeIssueFlow = "committee.issue";

export function createIssueForm(ctx: FeatureContext) {
  const { db } = ctx.deps;

  const issueText: StepDef = {
    id: "issueText",
    prompt: ({ t, data }) => ({ text: t("ca-issue-ask-text", { name: data.personName ?? "?", max: issueLimits.max }), choices: [[cancelChoice(t)]] }),
    accept: (answer) => (answer.kind === "text" ? checkLongText(answer.text, issueLimits) : { ok: false, reason: "invalid-expected-text" }),
  };

  const issueConfirm: StepDef = {
    ...choiceStep("issueConfirm", "ca-issue-confirm", ({ t }) => [{ value: "save", label: t("ca-issue-button-save") }], { typedRefusalKey: "report-use-buttons", cancel: true }),
    prompt: ({ t, data }) => ({
      text: t("ca-issue-confirm", { name: data.personName ?? "?", text: data.issueText ?? "" }),
      choices: [[stepChoice("issueConfirm", "save", t("ca-issue-button-save"))], [cancelChoice(t)]],
    }),
  };

  const form = ctx.form({
    flow: committeeIssueFlow,
    steps: { issueText, issueConfirm },
    finish: async (turn, data) => {
      if (!data.issueText) return { reask: "issueText", reason: turn.t("stale-button") };
      const text = data.issueText;
      const raised = await raiseIssue(db, { actorId: turn.person.id, committeeId: data.committeeId ?? "", cellId: data.cellId ?? "", personId: data.personId ?? "", text, now: ctx.deps.now() });
      turn.log.info({ issueId: raised.issueId }, "review issue raised");
      await turn.reply({ text: turn.t("ca-issue-raised", { name: raised.personName ?? "?", year: String(raised.year) }) });
      await notifyPerson(ctx.deps, data.personId ?? "", (t) => ({ text: t("ca-issue-for-member", { committee: raised.committeeName, year: String(raised.year), text }) }), "committee-issue-raised");
      return undefined;
    },
  });

  /** From the member picker: the lead of the cell's committee, about an active member of the cell. */
  async function start(turn: Turn, cellId: string, personId: string): Promise<void> {
    const cell = await cellWithCommittee(db, cellId);
    if (!cell?.committeeId) throw new DomainError("not-found");
    const post = await requirePost(db, turn.person.id, cell.committeeId, leadRoles);
    const name = await activeMemberName(db, cellId, personId);
    if (name === undefined) throw new DomainError("not-found");
    const year = reviewYear(ctx.deps.now(), post.committee.timeZone);
    await form.start(turn, ["issueText", "issueConfirm"], { committeeId: cell.committeeId, cellId, personId, personName: name }, turn.t("ca-issue-intro", { name: name ?? "?", cell: cell.name, year: String(year) }));
  }

  return { form, start };
}
