/**
 * Just enough GraphQL for the fake Shopify: parses an operation (selection
 * sets, arguments, variables, inline fragments, comments) and executes it
 * against plain objects whose fields may be functions of their arguments.
 * The answer holds exactly the fields asked for, so code that reads a field
 * it never selected sees undefined here as it would against Shopify. It also
 * prices a query the way Shopify documents its cost (objects 1, connections
 * 2 + first × their nodes, scalars 0), so page sizes over the limit fail.
 */
export type Value = string | number | boolean | null | { variable: string } | Value[] | { [key: string]: Value };

export interface Field {
  name: string;
  alias?: string;
  args: Record<string, Value>;
  selection?: Field[];
}

export interface Operation {
  type: 'query' | 'mutation';
  name?: string;
  selection: Field[];
}

export class GraphqlSyntaxError extends Error {}

const tokenPattern =
  /\s+|,|#[^\n]*|\.\.\.|[{}()[\]:!$=@]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\]|\\.)*"|[_A-Za-z][_0-9A-Za-z]*/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(source);
    if (!match) throw new GraphqlSyntaxError(`Unexpected character at ${at}: ${source.slice(at, at + 10)}`);
    const token = match[0];
    if (token !== ',' && !token.startsWith('#') && token.trim() !== '') tokens.push(token);
  }
  return tokens;
}

export function parseOperation(source: string): Operation {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => {
    const token = tokens[position++];
    if (token === undefined) throw new GraphqlSyntaxError('Unexpected end of document');
    return token;
  };
  const expect = (token: string) => {
    const got = next();
    if (got !== token) throw new GraphqlSyntaxError(`Expected ${token}, got ${got}`);
  };
  const skipBalanced = (open: string, close: string) => {
    let depth = 0;
    do {
      const token = next();
      if (token === open) depth++;
      if (token === close) depth--;
    } while (depth > 0);
  };

  const parseValue = (): Value => {
    const token = next();
    if (token === '$') return { variable: next() };
    if (token === '[') {
      const list: Value[] = [];
      while (peek() !== ']') list.push(parseValue());
      expect(']');
      return list;
    }
    if (token === '{') {
      const object: Record<string, Value> = {};
      while (peek() !== '}') {
        const key = next();
        expect(':');
        object[key] = parseValue();
      }
      expect('}');
      return object;
    }
    if (token.startsWith('"')) return JSON.parse(token) as string;
    if (/^-?\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    return token; // an enum value
  };

  const parseSelection = (): Field[] => {
    expect('{');
    const fields: Field[] = [];
    while (peek() !== '}') {
      if (peek() === '...') {
        next();
        if (peek() === 'on') {
          next();
          next();
        }
        fields.push(...parseSelection());
        continue;
      }
      let name = next();
      let alias: string | undefined;
      if (peek() === ':') {
        next();
        alias = name;
        name = next();
      }
      const args: Record<string, Value> = {};
      if (peek() === '(') {
        next();
        while (peek() !== ')') {
          const key = next();
          expect(':');
          args[key] = parseValue();
        }
        expect(')');
      }
      while (peek() === '@') {
        next();
        next();
        if (peek() === '(') skipBalanced('(', ')');
      }
      fields.push({ name, alias, args, ...(peek() === '{' ? { selection: parseSelection() } : {}) });
    }
    expect('}');
    return fields;
  };

  let type: Operation['type'] = 'query';
  let name: string | undefined;
  if (peek() === 'query' || peek() === 'mutation') {
    type = next() as Operation['type'];
    if (peek() !== '{' && peek() !== '(') name = next();
    if (peek() === '(') skipBalanced('(', ')');
  }
  const selection = parseSelection();
  if (position !== tokens.length) throw new GraphqlSyntaxError('Only one operation per document');
  return { type, name, selection };
}

function resolveValue(value: Value, variables: Record<string, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, variables));
  if ('variable' in value && typeof value.variable === 'string') return variables[value.variable] ?? null;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item as Value, variables)]));
}

export type Resolver = (args: Record<string, unknown>) => unknown;

/** Runs a selection against an object; a function-valued field is called with the field's arguments. */
export function execute(fields: Field[], source: unknown, variables: Record<string, unknown>): unknown {
  if (source === null || source === undefined) return null;
  if (Array.isArray(source)) return source.map((item) => execute(fields, item, variables));
  const result: Record<string, unknown> = {};
  const object = source as Record<string, unknown>;
  for (const field of fields) {
    const args = Object.fromEntries(
      Object.entries(field.args).map(([key, value]) => [key, resolveValue(value, variables)]),
    );
    const raw = object[field.name];
    const value = typeof raw === 'function' ? (raw as Resolver)(args) : raw;
    result[field.alias ?? field.name] = field.selection ? execute(field.selection, value, variables) : (value ?? null);
  }
  return result;
}

/** Shopify's requested cost: objects 1, scalars 0, connections (and lists with `first`) 2 + first × a node. */
export function queryCost(fields: Field[], variables: Record<string, unknown>): number {
  let cost = 0;
  for (const field of fields) {
    if (!field.selection) continue;
    const first = resolveValue(field.args.first ?? null, variables);
    const inner = field.selection.find((child) => child.name === 'nodes' || child.name === 'edges');
    if (inner?.selection) {
      const node = inner.name === 'edges' ? inner.selection.find((child) => child.name === 'node') : inner;
      const size = typeof first === 'number' ? first : 1;
      cost += 2 + size * (1 + queryCost(node?.selection ?? [], variables));
      const others = field.selection.filter((child) => child !== inner);
      cost += queryCost(others, variables);
    } else if (typeof first === 'number') {
      cost += 2 + first * (1 + queryCost(field.selection, variables));
    } else {
      cost += 1 + queryCost(field.selection, variables);
    }
  }
  return cost;
}
