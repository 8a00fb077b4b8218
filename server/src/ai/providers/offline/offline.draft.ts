import type { JsonSchema } from '../../ai.model';

export const OFFLINE_LABEL = '[Offline draft]';

/**
 * Builds a value that satisfies a JSON Schema (as produced by z.toJSONSchema),
 * so generation tasks get a clearly labelled template instead of an error when
 * no provider is configured. Only required properties are filled.
 */
export function draftFromSchema(schema: JsonSchema, topic: string): unknown {
  return draftNode(schema, 'value', schema, topic, 0);
}

function resolveReference(node: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const segment of ref.slice(2).split('/')) target = (target as JsonSchema | undefined)?.[segment];
  return (target as JsonSchema | undefined) ?? {};
}

function draftNode(input: JsonSchema, key: string, root: JsonSchema, topic: string, depth: number): unknown {
  const node = resolveReference(input, root);
  if (depth > 8) return null;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  if (node.default !== undefined) return node.default;
  const options = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(options) && options.length > 0) {
    const option = options.find((candidate) => candidate.type !== 'null') ?? options[0] ?? {};
    return draftNode(option, key, root, topic, depth + 1);
  }
  if (Array.isArray(node.allOf) && node.allOf.length > 0) {
    return draftNode(Object.assign({}, ...(node.allOf as JsonSchema[])), key, root, topic, depth + 1);
  }
  const type = Array.isArray(node.type) ? (node.type.find((candidate) => candidate !== 'null') ?? 'null') : node.type;

  switch (type) {
    case 'object': {
      const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
      const required = (node.required as string[] | undefined) ?? [];
      return Object.fromEntries(
        required.map((name) => [name, draftNode(properties[name] ?? {}, name, root, topic, depth + 1)]),
      );
    }
    case 'array': {
      const minimum = Number(node.minItems ?? 1);
      const count = Math.min(Math.max(minimum, 1), Number(node.maxItems ?? Number.POSITIVE_INFINITY));
      const prefix = (node.prefixItems as JsonSchema[] | undefined) ?? [];
      const items = (node.items ?? {}) as JsonSchema;
      return Array.from({ length: Math.max(count, prefix.length) }, (_, index) =>
        draftNode(prefix[index] ?? items, `${singular(key)} ${index + 1}`, root, topic, depth + 1),
      );
    }
    case 'integer':
    case 'number':
      return draftNumber(node, type === 'integer');
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return draftString(node, key, topic);
  }
}

function draftNumber(node: JsonSchema, integer: boolean): number {
  const step = integer ? 1 : 0.01;
  let low = Number(node.minimum ?? Number.NEGATIVE_INFINITY);
  if (typeof node.exclusiveMinimum === 'number') low = Math.max(low, node.exclusiveMinimum + step);
  let high = Number(node.maximum ?? Number.POSITIVE_INFINITY);
  if (typeof node.exclusiveMaximum === 'number') high = Math.min(high, node.exclusiveMaximum - step);
  const value = Math.min(Math.max(0, low), high);
  return integer ? Math.ceil(value) : value;
}

const FORMATS: Record<string, string> = {
  email: 'draft@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'date-time': '2025-01-01T00:00:00.000Z',
  date: '2025-01-01',
  time: '00:00:00',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function draftString(node: JsonSchema, key: string, topic: string): string {
  const format = typeof node.format === 'string' ? FORMATS[node.format] : undefined;
  if (format) return format;
  const subject = topic ? `${humanise(key)} for ${topic}` : humanise(key);
  let value = `${OFFLINE_LABEL} ${subject}`;
  const minimum = Number(node.minLength ?? 0);
  while (value.length < minimum) value += ' Replace this template text before publishing.';
  const maximum = Number(node.maxLength ?? Number.POSITIVE_INFINITY);
  return value.length > maximum ? value.slice(0, maximum).trimEnd().padEnd(Math.min(maximum, minimum), '.') : value;
}

function humanise(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function singular(key: string): string {
  return key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : key;
}
