import { formText } from '~/lib/form-values';
import type { AdminActionArgs, AdminArgs, AdminServices, PageAccess } from '../admin-args';
import { brandVoiceFromForm, draftSelectionFromForm, reviewAnalysisFromForm, runInputFromForm } from './content-form';

/**
 * The content studio (`/content`): generate drafts for products, follow the
 * runs live, review and export. Every member reads and may price a run;
 * generating, reviewing and publishing take `content.approve`; the brand voice
 * is a workspace setting. The content service checks each again.
 */
export const access: PageAccess = {
  view: 'analytics.view',
  intents: {
    estimate: 'analytics.view',
    start: 'content.approve',
    cancel: 'content.approve',
    analyze: 'content.approve',
    approve: 'content.approve',
    reject: 'content.approve',
    publish: 'content.approve',
    translate: 'content.approve',
    'brand-voice': 'workspace.settings.write',
  },
};

type DraftQuery = Parameters<AdminServices['content']['overview']>[1];

export async function loader({ request, services, actor, issueAgentToken }: AdminArgs) {
  const params = new URL(request.url).searchParams;
  const filters = {
    run: params.get('run') ?? '',
    status: params.get('status') ?? '',
    kind: params.get('kind') ?? '',
    q: params.get('q') ?? '',
  };
  const query = {
    run: filters.run || undefined,
    status: filters.status || undefined,
    kind: filters.kind || undefined,
    q: filters.q || undefined,
    page: params.get('page') ?? undefined,
  } as DraftQuery;
  const [overview, picker, agentToken] = await Promise.all([
    services.content.overview(actor, query),
    services.content.products(actor, {}),
    // Without a live socket the page still works: it re-reads while a run is going.
    issueAgentToken().catch(() => null),
  ]);
  return {
    ...overview,
    picker,
    filters,
    agentToken: agentToken ? { token: agentToken.token, expiresAt: agentToken.expiresAt.toISOString() } : null,
    now: new Date().toISOString(),
  };
}

export type ContentLoaderData = Awaited<ReturnType<typeof loader>>;

export async function action({ services, actor, form, intent }: AdminActionArgs) {
  const content = services.content;
  const done = <Result extends object>(result: Result) => ({ ok: true as const, intent, ...result });
  switch (intent) {
    case 'estimate':
      return done({ estimate: await content.estimate(actor, runInputFromForm(form)) });
    case 'start':
      return done({ run: await content.startRun(actor, runInputFromForm(form)) });
    case 'cancel':
      return done({ run: await content.cancelRun(actor, formText(form, 'runId').runId) });
    case 'analyze':
      return done({ run: await content.analyzeReviews(actor, reviewAnalysisFromForm(form)) });
    case 'approve':
    case 'reject':
      return done({ outcome: await content.decideMany(actor, intent, draftSelectionFromForm(form)) });
    case 'publish':
      return done({ publishing: await content.publish(actor, draftSelectionFromForm(form)) });
    case 'translate':
      return done({ runs: await content.translate(actor, draftSelectionFromForm(form)) });
    case 'brand-voice':
      return done({ brandVoice: await content.saveBrandVoice(actor, brandVoiceFromForm(form)) });
    default:
      // portalAction refuses intents missing from `access.intents` before we get here.
      throw new Error(`Unhandled intent ${intent}`);
  }
}

export type ContentActionData = Awaited<ReturnType<typeof action>>;
