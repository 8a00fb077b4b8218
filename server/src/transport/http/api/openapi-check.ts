import { isDeepStrictEqual } from 'node:util';

/**
 * Structural checks of an OpenAPI 3.1 document — the mistakes that break
 * readers and client generators: a reference that resolves to nothing, a path
 * parameter nobody declared, a duplicate operationId, an operation without a
 * success response or schema. Returns the problems found (none is good).
 * Not a full validator of the specification's JSON Schema.
 */
type Node = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const schemaTypes = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const parameterLocations = new Set(['query', 'header', 'path', 'cookie']);

export function checkOpenApiDocument(document: unknown): string[] {
  const problems: string[] = [];
  const doc = (document ?? {}) as Node;
  let serialised: unknown;
  try {
    serialised = JSON.parse(JSON.stringify(document));
  } catch (error) {
    return [`not JSON-serialisable: ${(error as Error).message}`];
  }
  if (!isDeepStrictEqual(serialised, document))
    problems.push('changes when serialised to JSON (undefined or non-JSON values)');
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push('openapi is not 3.1.x');
  const info = (doc.info ?? {}) as Node;
  if (typeof info.title !== 'string' || typeof info.version !== 'string') problems.push('info needs title and version');

  walk(doc, '#', (node, pointer) => {
    if (typeof node.$ref === 'string' && resolve(doc, node.$ref) === undefined) {
      problems.push(`${pointer}: $ref ${node.$ref} resolves to nothing`);
    }
  });

  const components = (doc.components ?? {}) as Node;
  const schemes = (components.securitySchemes ?? {}) as Node;
  const declaredTags = new Set(((doc.tags ?? []) as Node[]).map((tag) => tag.name));
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Node>)) {
    if (!path.startsWith('/')) problems.push(`path ${path} does not start with /`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
    for (const [method, value] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!methods.includes(method)) continue;
      const operation = value as Node;
      const id = operation.operationId;
      if (typeof id !== 'string' || operationIds.has(id)) problems.push(`${where}: operationId missing or repeated`);
      else operationIds.add(id);
      for (const tag of (operation.tags ?? []) as string[]) {
        if (!declaredTags.has(tag)) problems.push(`${where}: tag ${tag} is not declared`);
      }
      problems.push(...checkParameters(doc, where, (operation.parameters ?? []) as Node[], templated));
      problems.push(...checkBodyAndResponses(where, operation));
      for (const requirement of (operation.security ?? []) as Node[]) {
        for (const name of Object.keys(requirement)) {
          if (!(name in schemes)) problems.push(`${where}: security scheme ${name} is not declared`);
        }
      }
    }
  }

  for (const [name, schema] of Object.entries((components.schemas ?? {}) as Record<string, Node>)) {
    if ('$id' in schema || '$schema' in schema)
      problems.push(`schema ${name}: $id/$schema do not belong in a component`);
    walkSchema(schema, `#/components/schemas/${name}`, (node, pointer) =>
      problems.push(...checkSchemaNode(node, pointer)),
    );
  }
  return problems;
}

function checkParameters(doc: Node, where: string, parameters: Node[], templated: string[]): string[] {
  const problems: string[] = [];
  const resolved = parameters.map((parameter) =>
    typeof parameter.$ref === 'string' ? ((resolve(doc, parameter.$ref) ?? {}) as Node) : parameter,
  );
  const seen = new Set<string>();
  for (const parameter of resolved) {
    const key = `${parameter.in}:${parameter.name}`;
    if (typeof parameter.name !== 'string' || !parameterLocations.has(String(parameter.in))) {
      problems.push(`${where}: parameter ${key} needs a name and a valid "in"`);
    }
    if (seen.has(key)) problems.push(`${where}: parameter ${key} is declared twice`);
    seen.add(key);
    if (!parameter.schema) problems.push(`${where}: parameter ${key} has no schema`);
    if (parameter.in === 'path' && (parameter.required !== true || !templated.includes(String(parameter.name)))) {
      problems.push(`${where}: path parameter ${parameter.name} must be required and appear in the path`);
    }
  }
  for (const name of templated) {
    if (!seen.has(`path:${name}`)) problems.push(`${where}: {${name}} is not declared as a path parameter`);
  }
  return problems;
}

function checkBodyAndResponses(where: string, operation: Node): string[] {
  const problems: string[] = [];
  const hasSchema = (content: unknown) =>
    Boolean(content && Object.values(content as Record<string, Node>).every((media) => media.schema));
  const body = operation.requestBody as Node | undefined;
  if (body && !hasSchema(body.content)) problems.push(`${where}: request body without a schema`);
  const responses = (operation.responses ?? {}) as Record<string, Node>;
  if (!Object.keys(responses).some((status) => status.startsWith('2'))) problems.push(`${where}: no success response`);
  for (const [status, response] of Object.entries(responses)) {
    if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${where}: response ${status} is not a status`);
    if (typeof response.description !== 'string') problems.push(`${where}: response ${status} has no description`);
    if (response.content && !hasSchema(response.content))
      problems.push(`${where}: response ${status} without a schema`);
  }
  return problems;
}

function checkSchemaNode(node: Node, pointer: string): string[] {
  const problems: string[] = [];
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  for (const type of types) {
    if (!schemaTypes.has(String(type))) problems.push(`${pointer}: unknown type ${String(type)}`);
  }
  if (Array.isArray(node.required) && node.properties && typeof node.properties === 'object') {
    for (const name of node.required) {
      if (!(String(name) in (node.properties as Node))) problems.push(`${pointer}: required ${name} is not a property`);
    }
  }
  return problems;
}

/** A local JSON pointer (`#/components/schemas/Product`) resolved in the document. */
export function resolve(doc: Node, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Node)[key];
  }
  return node;
}

function walk(node: unknown, pointer: string, visit: (node: Node, pointer: string) => void): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) walk(item, `${pointer}/${index}`, visit);
  } else if (node && typeof node === 'object') {
    visit(node as Node, pointer);
    for (const [key, value] of Object.entries(node))
      walk(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, visit);
  }
}

/** Visits a schema and its subschemas only (not, say, a property map whose field is called "type"). */
function walkSchema(schema: Node, pointer: string, visit: (node: Node, pointer: string) => void): void {
  visit(schema, pointer);
  const children: Array<[string, unknown]> = [];
  for (const key of ['items', 'additionalProperties', 'propertyNames', 'not', 'contains'])
    children.push([key, schema[key]]);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    for (const [index, child] of ((schema[key] ?? []) as unknown[]).entries())
      children.push([`${key}/${index}`, child]);
  }
  for (const key of ['properties', '$defs']) {
    for (const [name, child] of Object.entries((schema[key] ?? {}) as Node)) children.push([`${key}/${name}`, child]);
  }
  for (const [path, child] of children) {
    if (child && typeof child === 'object' && !Array.isArray(child))
      walkSchema(child as Node, `${pointer}/${path}`, visit);
  }
}
