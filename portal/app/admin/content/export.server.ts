import type { AdminArgs, AdminServices, PageAccess } from '../admin-args';

/**
 * Approved content as a CSV download (`/content/export?format=shopify|generic`),
 * streamed a batch at a time as the service produces it, so a 10,000-product
 * export starts at once and never sits in memory.
 */
export const access: PageAccess = { view: 'analytics.view' };

export async function loader({ request, services, actor }: AdminArgs) {
  const params = new URL(request.url).searchParams;
  const query = {
    format: params.get('format') || undefined,
    runId: params.get('run') || undefined,
    status: params.get('status') || undefined,
  };
  let exported: ReturnType<AdminServices['content']['exportCsv']>;
  try {
    // The query is checked here, before the first byte: a bad one is a 400 with a reason, not a broken download.
    exported = services.content.exportCsv(actor, query);
  } catch (error) {
    const failure = services.classifyError(error);
    if (!failure) throw error;
    return new Response(failure.message, {
      status: failure.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const { filename, chunks } = exported;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      // The browser stopped the download: end the query loop too.
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
