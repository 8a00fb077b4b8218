import { describe, expect, it } from 'vitest';
import { BulkResultFormatError, readBulkRecords } from './bulk-result.reader';

function streamOf(text: string, chunkSize = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  // Small chunks: lines (and multi-byte characters) arrive split across reads.
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

async function collect(text: string) {
  const records = [];
  for await (const record of readBulkRecords(streamOf(text))) records.push(record);
  return records;
}

describe('readBulkRecords', () => {
  it('groups each object with the nested objects that follow it', async () => {
    const jsonl = [
      '{"id":"gid://shopify/Product/1","title":"Tente ⛺"}',
      '{"id":"gid://shopify/ProductVariant/11","__parentId":"gid://shopify/Product/1"}',
      '{"id":"gid://shopify/ProductVariant/12","__parentId":"gid://shopify/Product/1"}',
      '',
      '{"id":"gid://shopify/Product/2","title":"Stove"}',
      '{"id":"gid://shopify/Product/3","title":"Mat"}',
      '{"id":"gid://shopify/ProductVariant/31","__parentId":"gid://shopify/Product/3"}',
    ].join('\n');
    expect(await collect(`${jsonl}\n`)).toEqual([
      {
        node: { id: 'gid://shopify/Product/1', title: 'Tente ⛺' },
        children: [{ id: 'gid://shopify/ProductVariant/11' }, { id: 'gid://shopify/ProductVariant/12' }],
      },
      { node: { id: 'gid://shopify/Product/2', title: 'Stove' }, children: [] },
      { node: { id: 'gid://shopify/Product/3', title: 'Mat' }, children: [{ id: 'gid://shopify/ProductVariant/31' }] },
    ]);
  });

  it('refuses ungrouped output, where a nested object does not follow its parent', async () => {
    const jsonl = [
      '{"id":"gid://shopify/Product/1"}',
      '{"id":"gid://shopify/Product/2"}',
      '{"id":"gid://shopify/ProductVariant/11","__parentId":"gid://shopify/Product/1"}',
    ].join('\n');
    await expect(collect(jsonl)).rejects.toThrow(BulkResultFormatError);
    await expect(collect(jsonl)).rejects.toThrow(/groupObjects: true/);
  });

  it('names the line that is not JSON', async () => {
    await expect(collect('{"id":"gid://shopify/Product/1"}\n{"id":')).rejects.toThrow(/Line 2/);
  });

  it('reads an empty file as no records', async () => {
    expect(await collect('')).toEqual([]);
  });
});
