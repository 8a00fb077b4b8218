import type { AdminActionArgs, AdminArgs, PageAccess } from '../admin-args';
import { editedContentFromForm } from './content-form';

/**
 * One draft (`/content/drafts/:draftId`): its content with inline editing,
 * the review decisions its status allows, and its whole revision history.
 * Every member reads; every change takes `content.approve`.
 */
export const access: PageAccess = {
  view: 'analytics.view',
  intents: {
    edit: 'content.approve',
    approve: 'content.approve',
    reject: 'content.approve',
    reopen: 'content.approve',
  },
};

export async function loader({ params, services, actor }: AdminArgs) {
  return { draft: await services.content.draft(actor, params.draftId ?? ''), now: new Date().toISOString() };
}

export type DraftLoaderData = Awaited<ReturnType<typeof loader>>;

export async function action({ params, services, actor, form, intent }: AdminActionArgs) {
  const draftId = params.draftId ?? '';
  switch (intent) {
    case 'edit':
      await services.content.editDraft(actor, draftId, editedContentFromForm(form));
      return { ok: true as const, intent };
    case 'approve':
    case 'reject':
    case 'reopen': {
      const note = form.get('note');
      const outcome = await services.content.decide(actor, intent, [draftId], {
        single: true,
        note: typeof note === 'string' ? note : undefined,
      });
      return { ok: true as const, intent, outcome };
    }
    default:
      throw new Error(`Unhandled intent ${intent}`);
  }
}
