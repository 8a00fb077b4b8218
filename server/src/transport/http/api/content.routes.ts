import { z } from 'zod';
import {
  type ContentActor,
  ContentDraftNotFoundError,
  ContentRunNotFoundError,
  cancelContentRun,
  contentKinds,
  decideDrafts,
  exportApprovedContent,
  exportQuerySchema,
  getContentRun,
  getDraft,
  listDraftsAfter,
  startContentRun,
  startRunSchema,
} from '../../../modules/content';
import type { ApiKeyPrincipal } from '../../../modules/tenancy';
import { HttpError } from '../errors';
import { type ApiContext, defineRoute } from './api-route';
import { idParamsSchema, pageOf } from './common.wire';
import {
  contentDraftDetailWireSchema,
  contentDraftWireSchema,
  contentRunWireSchema,
  draftStatuses,
  toContentDraftDetailWire,
  toContentDraftWire,
  toContentRunWire,
} from './content.wire';
import { decodeCursor, pageQuerySchema, toPage } from './cursor';

const draftListQuerySchema = pageQuerySchema.extend({
  status: z.enum(draftStatuses).optional().describe('Only drafts in this state.'),
  kind: z.enum(contentKinds).optional().describe('Only drafts of this kind.'),
  runId: z.uuid('runId must be a run id').optional().describe('Only drafts of this run.'),
  productId: z.uuid('productId must be a product id').optional().describe('Only drafts about this product.'),
});

const exportContentQuerySchema = z.object({
  format: exportQuerySchema.shape.format.describe('shopify: Shopify’s product import file; generic: every kind.'),
  status: exportQuerySchema.shape.status.describe('Approved pieces (the default), or ones already published.'),
  runId: exportQuerySchema.shape.runId.describe('Only this run’s drafts.'),
});

/** An API key acting on drafts: revisions name it, so the team sees which system approved what. */
const actorOf = (principal: ApiKeyPrincipal): ContentActor => ({
  workspaceId: principal.workspaceId,
  type: 'api_key',
  id: principal.apiKeyId,
  name: principal.name,
});

// The ids are uuid columns: PostgreSQL would reject a malformed one with an error, but to the client
// it is simply not found, like another workspace's id.
const isUuid = (id: string) => z.uuid().safeParse(id).success;

function draftIdOf(params: { id: string }): string {
  if (!isUuid(params.id)) throw new ContentDraftNotFoundError();
  return params.id;
}

function runIdOf(params: { id: string }): string {
  if (!isUuid(params.id)) throw new ContentRunNotFoundError();
  return params.id;
}

function runDepsOf(context: ApiContext<unknown, unknown, unknown>) {
  const { prisma, jobs, ai } = context;
  if (!jobs || !ai) {
    throw new HttpError(503, 'unavailable', 'This server cannot start content runs (it runs without background jobs).');
  }
  return { prisma, jobs, ai };
}

async function decide(context: ApiContext<{ id: string }, unknown, unknown>, decision: 'approve' | 'reject') {
  const { prisma, principal, params } = context;
  const draftId = draftIdOf(params);
  await decideDrafts(prisma, actorOf(principal), decision, [draftId], { single: true });
  return { status: 200, body: toContentDraftDetailWire(await getDraft(prisma, principal.workspaceId, draftId)) };
}

const decisionErrors = {
  404: 'No draft with this id in your workspace.',
  409: 'The draft’s status does not allow this (e.g. it is still queued, or already published).',
};

export const contentRoutes = [
  defineRoute({
    operationId: 'listContentDrafts',
    method: 'get',
    path: '/api/v1/content/drafts',
    tag: 'Content',
    summary: 'List drafts',
    description: 'Every draft the studio has made, oldest first; narrow by status, kind, run or product.',
    scope: 'content:read',
    query: draftListQuerySchema,
    responses: { 200: { description: 'A page of drafts.', schema: pageOf(contentDraftWireSchema) } },
    async handle({ prisma, principal, query }) {
      const page = await listDraftsAfter(
        prisma,
        principal.workspaceId,
        { status: query.status, kind: query.kind, runId: query.runId, productId: query.productId },
        { limit: query.limit, after: decodeCursor(query.cursor) },
      );
      return { status: 200, body: toPage(page, toContentDraftWire) };
    },
  }),
  defineRoute({
    operationId: 'getContentDraft',
    method: 'get',
    path: '/api/v1/content/drafts/:id',
    tag: 'Content',
    summary: 'Get a draft with its history',
    scope: 'content:read',
    params: idParamsSchema,
    responses: { 200: { description: 'The draft and its revisions.', schema: contentDraftDetailWireSchema } },
    errors: { 404: 'No draft with this id in your workspace.' },
    async handle({ prisma, principal, params }) {
      const draft = await getDraft(prisma, principal.workspaceId, draftIdOf(params));
      return { status: 200, body: toContentDraftDetailWire(draft) };
    },
  }),
  defineRoute({
    operationId: 'approveContentDraft',
    method: 'post',
    path: '/api/v1/content/drafts/:id/approve',
    tag: 'Content',
    summary: 'Approve a draft',
    description:
      'From generated, in review or rejected. The history records the API key (its id and name) as the one who approved it.',
    scope: 'content:write',
    params: idParamsSchema,
    idempotent: true,
    responses: {
      200: { description: 'The draft as it is now, with its history.', schema: contentDraftDetailWireSchema },
    },
    errors: decisionErrors,
    handle: (context) => decide(context, 'approve'),
  }),
  defineRoute({
    operationId: 'rejectContentDraft',
    method: 'post',
    path: '/api/v1/content/drafts/:id/reject',
    tag: 'Content',
    summary: 'Reject a draft',
    description: 'From generated, in review or approved. The history records the API key as the one who rejected it.',
    scope: 'content:write',
    params: idParamsSchema,
    idempotent: true,
    responses: {
      200: { description: 'The draft as it is now, with its history.', schema: contentDraftDetailWireSchema },
    },
    errors: decisionErrors,
    handle: (context) => decide(context, 'reject'),
  }),
  defineRoute({
    operationId: 'exportContent',
    method: 'get',
    path: '/api/v1/content/export',
    tag: 'Content',
    summary: 'Export approved content as CSV',
    description:
      '`shopify`: Shopify’s product import columns (Handle, Title, Body (HTML), SEO Title, SEO Description), one row per product from its description and SEO drafts. `generic`: one row per draft of every kind (draft_id, product_handle, product_title, kind, language, status, text, content_json). Streamed, so a 10,000-product export starts at once.',
    scope: 'content:read',
    query: exportContentQuerySchema,
    responses: {
      200: {
        description: 'The CSV file (UTF-8, with a header row).',
        schema: z.string().describe('RFC 4180 CSV.'),
        mediaType: 'text/csv',
      },
    },
    async handle({ prisma, principal, query }) {
      return {
        status: 200,
        body: undefined,
        stream: {
          chunks: exportApprovedContent(prisma, principal.workspaceId, query),
          filename: `closer-content-${query.format}-${query.status}.csv`,
        },
      };
    },
  }),
  defineRoute({
    operationId: 'startContentRun',
    method: 'post',
    path: '/api/v1/content/runs',
    tag: 'Content',
    summary: 'Start a content run',
    description:
      'Generates one draft per product and kind in the background, in the workspace’s brand voice, at the pace the AI providers allow. Follow it with Get a content run; the drafts arrive as `generated`, ready for review. Refused when its estimate exceeds what is left of the month’s AI budget.',
    scope: 'content:write',
    body: startRunSchema,
    // 50,000 product ids are about 2 MB of JSON.
    bodyLimit: '5mb',
    idempotent: true,
    responses: { 202: { description: 'The run, started.', schema: contentRunWireSchema } },
    errors: {
      402: 'The run’s estimated cost exceeds what is left of this month’s AI budget.',
      503: 'This server runs without background jobs.',
    },
    async handle(context) {
      const run = await startContentRun(runDepsOf(context), actorOf(context.principal), context.body);
      return { status: 202, body: toContentRunWire(run) };
    },
  }),
  defineRoute({
    operationId: 'getContentRun',
    method: 'get',
    path: '/api/v1/content/runs/:id',
    tag: 'Content',
    summary: 'Get a content run',
    description: 'Its progress: done, failed and remaining drafts, and the cost so far.',
    scope: 'content:read',
    params: idParamsSchema,
    responses: { 200: { description: 'The run’s progress.', schema: contentRunWireSchema } },
    errors: { 404: 'No run with this id in your workspace.' },
    async handle({ prisma, principal, params }) {
      return {
        status: 200,
        body: toContentRunWire(await getContentRun({ prisma }, principal.workspaceId, runIdOf(params))),
      };
    },
  }),
  defineRoute({
    operationId: 'cancelContentRun',
    method: 'post',
    path: '/api/v1/content/runs/:id/cancel',
    tag: 'Content',
    summary: 'Cancel a content run',
    description:
      'No new model calls are made; drafts already generated stay for review. Cancelling a run that has stopped changes nothing.',
    scope: 'content:write',
    params: idParamsSchema,
    idempotent: true,
    responses: { 200: { description: 'The run as it is now.', schema: contentRunWireSchema } },
    errors: { 404: 'No run with this id in your workspace.' },
    async handle({ prisma, principal, params }) {
      const run = await cancelContentRun({ prisma }, principal.workspaceId, runIdOf(params));
      return { status: 200, body: toContentRunWire(run) };
    },
  }),
];
