import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/**
 * Reads a bulk operation's JSONL result as a stream, one top-level object
 * (a product, an order) with the objects of its nested connections (its
 * variants, its line items). Shopify writes each nested object on a line of
 * its own with `__parentId`; with `groupObjects: true` they follow their
 * parent directly, which is what lets a 2 GB file pass through a few
 * kilobytes of memory.
 */
export interface BulkRecord {
  node: Record<string, unknown>;
  children: Array<Record<string, unknown>>;
}

export class BulkResultFormatError extends Error {
  override readonly name = 'BulkResultFormatError';
}

export async function* readBulkRecords(stream: ReadableStream<Uint8Array>): AsyncGenerator<BulkRecord> {
  const lines = createInterface({
    input: Readable.fromWeb(stream as WebReadableStream<Uint8Array>),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let current: BulkRecord | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let object: Record<string, unknown>;
    try {
      object = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new BulkResultFormatError(`Line ${lineNumber} of the bulk result is not JSON.`);
    }
    const { __parentId: parentId, ...fields } = object;
    if (parentId === undefined) {
      if (current) yield current;
      current = { node: fields, children: [] };
      continue;
    }
    if (!current || current.node.id !== parentId) {
      throw new BulkResultFormatError(
        `Line ${lineNumber} of the bulk result belongs to ${String(parentId)}, which is not the object above it; the operation must run with groupObjects: true.`,
      );
    }
    current.children.push(fields);
  }
  if (current) yield current;
}
