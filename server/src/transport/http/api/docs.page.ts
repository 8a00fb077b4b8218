import type { JsonSchema, OpenApiDocument } from './openapi';

/**
 * `/api/docs`: the OpenAPI document as one self-contained HTML page — no
 * scripts, no fonts, nothing fetched — so it works offline and under a CSP of
 * `default-src 'none'`. Rendered once at start-up from the same document
 * `/api/openapi.json` serves. Every text is escaped; descriptions support
 * only `code`, "## " headings and "- " lists.
 */
type Operation = JsonSchema & {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  'x-required-scope': string;
  parameters: JsonSchema[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

export function renderDocsPage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as Operation })),
  );
  const byTag = document.tags.map((tag) => ({
    tag,
    operations: operations.filter(({ operation }) => operation.tags.includes(tag.name)),
  }));
  const nav = byTag
    .map(
      ({ tag, operations: list }) =>
        `<li><a href="#tag-${tag.name}">${escapeHtml(tag.name)}</a><ul>${list
          .map(
            ({ path, method, operation }) =>
              `<li><a href="#op-${operation.operationId}"><span class="method ${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
  const sections = byTag
    .map(
      ({
        tag,
        operations: list,
      }) => `<section id="tag-${tag.name}"><h2>${escapeHtml(tag.name)}</h2><p>${inline(tag.description)}</p>
${list.map(({ path, method, operation }) => renderOperation(path, method, operation, document.components)).join('\n')}</section>`,
    )
    .join('\n');
  const schemas = Object.entries(document.components.schemas)
    .map(
      ([name, schema]) =>
        `<section class="schema" id="schema-${name}"><h3>${escapeHtml(name)}</h3>${renderSchema(schema)}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} reference</title><style>${styles}</style></head>
<body><nav aria-label="Contents"><p class="title">${escapeHtml(document.info.title)}</p><ul><li><a href="#introduction">Introduction</a></li>${nav}<li><a href="#schemas">Schemas</a></li></ul></nav>
<main><header><h1>${escapeHtml(document.info.title)}</h1><p>Version ${escapeHtml(document.info.version)} · <a href="/api/openapi.json">OpenAPI 3.1 document</a> · Base URL: this server</p></header>
<section id="introduction">${markdown(document.info.description)}</section>
${sections}
<section id="schemas"><h2>Schemas</h2>${schemas}</section></main></body></html>`;
}

function renderOperation(
  path: string,
  method: string,
  operation: Operation,
  components: OpenApiDocument['components'],
): string {
  const parameters = operation.parameters.map((parameter) =>
    typeof parameter.$ref === 'string'
      ? (components.parameters[parameter.$ref.split('/').pop() as string] ?? parameter)
      : parameter,
  );
  // A body or answer that is a named schema is shown expanded here, and linked to its entry below.
  const expand = (schema: JsonSchema) => {
    const name = typeof schema.$ref === 'string' ? (schema.$ref.split('/').pop() as string) : undefined;
    const target = name ? components.schemas[name] : undefined;
    return target ? `<p class="muted">Schema ${typeLabel(schema)}</p>${renderSchema(target)}` : renderSchema(schema);
  };
  const body = operation.requestBody?.content['application/json']?.schema;
  const statuses = Object.entries(operation.responses);
  const successes = statuses.filter(([status]) => status.startsWith('2'));
  const failures = statuses.filter(([status]) => !status.startsWith('2'));
  return `<article id="op-${operation.operationId}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p class="summary">${escapeHtml(operation.summary)}</p>${operation.description ? `<p>${inline(operation.description)}</p>` : ''}
<p class="scope">Requires an API key with the <code>${escapeHtml(operation['x-required-scope'])}</code> scope.</p>
${
  parameters.length > 0
    ? `<h4>Parameters</h4><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${parameters
        .map(
          (parameter) =>
            `<tr><td><code>${escapeHtml(String(parameter.name))}</code>${parameter.required ? ' <span class="required">required</span>' : ''}</td><td>${escapeHtml(String(parameter.in))}</td><td>${typeLabel(parameter.schema as JsonSchema)}</td><td>${inline(String(parameter.description ?? ''))}${constraints(parameter.schema as JsonSchema)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}
${body ? `<h4>Request body <span class="muted">application/json</span></h4>${expand(body)}` : ''}
<h4>Responses</h4>${successes
    .map(([status, response]) => {
      const schema = response.content?.['application/json']?.schema;
      return `<p><span class="status ok">${status}</span> ${inline(response.description)}</p>${schema ? expand(schema) : ''}`;
    })
    .join('')}
<table class="errors"><thead><tr><th scope="col">Error</th><th scope="col">When</th></tr></thead><tbody>${failures
    .map(
      ([status, response]) =>
        `<tr><td><span class="status">${status}</span></td><td>${inline(response.description)}</td></tr>`,
    )
    .join('')}</tbody></table><p class="muted">Error bodies are <a href="#schema-Error">Error</a>.</p>
</article>`;
}

/** A schema as a table of fields; nested inline objects become nested tables. */
function renderSchema(schema: JsonSchema, depth = 0): string {
  const intro = schema.description ? `<p>${inline(String(schema.description))}</p>` : '';
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties || depth > 5) return `${intro}<p class="type">${typeLabel(schema)}${constraints(schema)}</p>`;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties)
    .map(([name, property]) => {
      const nested = inlineObject(property);
      return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? ' <span class="required">required</span>' : ''}</td><td>${typeLabel(property)}</td><td>${inline(String(property.description ?? ''))}${constraints(property)}${nested ? renderSchema({ ...nested, description: undefined }, depth + 1) : ''}</td></tr>`;
    })
    .join('');
  return `${intro}<table class="fields"><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The object inside a property (itself, its array items, or its non-null variant) when it is not a reference. */
function inlineObject(schema: JsonSchema): JsonSchema | undefined {
  const candidates = [schema, schema.items, ...((schema.anyOf as JsonSchema[] | undefined) ?? [])] as Array<
    JsonSchema | undefined
  >;
  return candidates.find((candidate) => candidate?.properties !== undefined && candidate.$ref === undefined);
}

function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'any';
  if (typeof schema.$ref === 'string') {
    const name = escapeHtml(schema.$ref.split('/').pop() as string);
    return `<a href="#schema-${name}">${name}</a>`;
  }
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return variants.map(typeLabel).join(' or ');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [String(schema.type)] : [];
  return (types.length > 0 ? types : ['any'])
    .map((type) => {
      if (type === 'array') return `array of ${typeLabel(schema.items as JsonSchema | undefined)}`;
      if (type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
        return `map of ${typeLabel(schema.additionalProperties as JsonSchema)}`;
      }
      return schema.format ? `${escapeHtml(type)} (${escapeHtml(String(schema.format))})` : escapeHtml(type);
    })
    .join(' or ');
}

function constraints(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  const target =
    ((schema.anyOf as JsonSchema[] | undefined) ?? [schema]).find((variant) => variant.type !== 'null') ?? schema;
  const notes: string[] = [];
  const add = (label: string, value: unknown) => {
    if (value !== undefined) notes.push(`${label} <code>${escapeHtml(JSON.stringify(value))}</code>`);
  };
  if (Array.isArray(target.enum))
    notes.push(`one of ${target.enum.map((value) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(', ')}`);
  add('default', schema.default ?? target.default);
  add('min', target.minimum);
  add('max', target.maximum);
  add('min length', target.minLength);
  add('max length', target.maxLength);
  add('min items', target.minItems);
  add('max items', target.maxItems);
  add('pattern', target.pattern);
  return notes.length > 0 ? `<span class="constraints">${notes.join(' · ')}</span>` : '';
}

function markdown(text: string): string {
  const html: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) html.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) {
      list.push(line.slice(2));
      continue;
    }
    flush();
    if (line.startsWith('## ')) html.push(`<h2>${inline(line.slice(3))}</h2>`);
    else if (line.trim()) html.push(`<p>${inline(line)}</p>`);
  }
  flush();
  return html.join('\n');
}

/** Escapes, then turns `code` into <code>. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const styles = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--bg:#fff;--code:#f3f5f7;--accent:#1f4e79}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ed;--muted:#9aa4b0;--line:#353b43;--bg:#15181c;--code:#22272e;--accent:#7fb2e5}}
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);display:grid;grid-template-columns:18rem 1fr}
nav{position:sticky;top:0;height:100vh;overflow:auto;padding:1rem;border-right:1px solid var(--line);font-size:13px}
nav ul{list-style:none;margin:0;padding:0 0 0 .6rem}nav>ul{padding:0}nav li{margin:.2rem 0}nav .title{font-weight:700;font-size:15px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
main{padding:1.5rem 2.5rem;max-width:70rem;min-width:0}h1{margin-top:0}h2{border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2.5rem}
article{border:1px solid var(--line);border-radius:8px;padding:.5rem 1.25rem 1rem;margin:1.25rem 0}article h3{font-size:17px}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);padding:.1rem .3rem;border-radius:4px;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:14px}th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:var(--code)}
td table{margin:.5rem 0 0}.method{display:inline-block;min-width:3.6rem;text-align:center;font:700 12px ui-monospace,monospace;border-radius:4px;padding:.1rem .3rem;color:#fff}
.get{background:#2f7d32}.post{background:#1f5fa8}.patch{background:#a86a00}.delete{background:#b3261e}
.status{font:700 13px ui-monospace,monospace;padding:.05rem .35rem;border-radius:4px;background:var(--code)}.status.ok{background:#2f7d32;color:#fff}
.required{color:#b3261e;font-size:12px}.muted,.constraints{color:var(--muted);font-size:13px}.constraints{display:block}.summary{font-weight:600}.scope{color:var(--muted)}
@media (max-width:800px){body{display:block}nav{position:static;height:auto;border-right:0;border-bottom:1px solid var(--line)}main{padding:1rem}}
`;
