import { z } from 'zod';

/** Wire shapes every part of the REST API shares: errors, pages, bulk results, ids in paths. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable, machine-readable: invalid_request, unauthorized, missing_scope, not_found, …'),
    message: z.string().describe('For people; may change.'),
    details: z.unknown().optional().describe('For invalid_request: [{ path, message }] per problem.'),
  }),
});

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  });
}

export const bulkRowResultSchema = z.object({
  index: z.int().min(0).describe('The row’s position in the request.'),
  status: z.enum(['created', 'updated', 'failed']),
  id: z.uuid().optional().describe('The stored row’s id, unless it failed.'),
  error: z
    .object({
      code: z.string().describe('invalid_row, conflict, unknown_reference, …'),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .optional(),
});

export const bulkResultSchema = z.object({
  results: z.array(bulkRowResultSchema).describe('One per request row, in order.'),
  created: z.int().min(0),
  updated: z.int().min(0),
  failed: z.int().min(0),
});

export function toBulkResult(results: Array<z.output<typeof bulkRowResultSchema>>): z.output<typeof bulkResultSchema> {
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return { results, created: count('created'), updated: count('updated'), failed: count('failed') };
}

/** Ids are matched as text: a malformed one is simply not found (404), like another workspace's. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(100).describe('The id (a UUID).') });

/**
 * An array whose bad items do not fail the request: each comes through as sent,
 * for the service to validate and report row by row. Documented as an array of
 * `row`, which is what the service accepts.
 */
export function rowsOf<Row extends z.ZodType>(row: Row, maxRows: number) {
  return z
    .array(row.catch((context) => context.input as z.output<Row>))
    .min(1)
    .max(maxRows);
}
