import type { AdminActionArgs, AdminArgs, PageAccess } from '~/admin/admin-args';

export const access: PageAccess = {
  view: 'analytics.view',
  intents: { cancel: 'catalog.write' },
};

/** Problems shown per page of the bad-rows table; the run keeps the first 1,000. */
const problemsPerPage = 50;

export async function loader({ services, actor, params, request }: AdminArgs) {
  const run = await services.catalog.getImport(actor, params.importId ?? '');
  const pages = Math.max(1, Math.ceil(run.rowErrors.length / problemsPerPage));
  const requested = Number(new URL(request.url).searchParams.get('page') ?? '1');
  const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  const { rowErrors, ...summary } = run;
  return {
    run: summary,
    problems: {
      rows: rowErrors.slice((page - 1) * problemsPerPage, page * problemsPerPage),
      kept: rowErrors.length,
      page,
      pages,
    },
  };
}

export async function action({ services, actor, params }: AdminActionArgs) {
  const run = await services.catalog.cancelImport(actor, params.importId ?? '');
  return { ok: true as const, status: run.status };
}
