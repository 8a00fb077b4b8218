/**
 * A forecasting hierarchy: bottom series (products) and aggregates
 * (categories, the store total), each the sum of its children — bottom ids or
 * other aggregates. The summing matrix S is never built: each aggregate
 * keeps the list of bottom series under it, which is all reconciliation
 * needs and stays small for a few hundred products.
 */
export interface Hierarchy {
  bottom: readonly string[];
  aggregates: readonly { id: string; children: readonly string[] }[];
}

export interface ResolvedHierarchy {
  bottom: readonly string[];
  aggregateIds: string[];
  /** For each aggregate (same order as aggregateIds), the indices of its bottom series. */
  members: Int32Array[];
  /** Aggregates ordered so that every child comes before its parent. */
  summingOrder: number[];
  children: readonly (readonly string[])[];
}

export class InvalidHierarchyError extends Error {
  override readonly name = 'InvalidHierarchyError';
}

export function resolveHierarchy(hierarchy: Hierarchy): ResolvedHierarchy {
  const bottomIndex = new Map<string, number>();
  hierarchy.bottom.forEach((id, i) => {
    if (bottomIndex.has(id)) throw new InvalidHierarchyError(`bottom series "${id}" is listed twice`);
    bottomIndex.set(id, i);
  });
  const aggregateIndex = new Map<string, number>();
  hierarchy.aggregates.forEach(({ id }, i) => {
    if (bottomIndex.has(id) || aggregateIndex.has(id))
      throw new InvalidHierarchyError(`series "${id}" is defined twice`);
    aggregateIndex.set(id, i);
  });
  const members: (Int32Array | undefined)[] = new Array(hierarchy.aggregates.length);
  const summingOrder: number[] = [];
  const visiting = new Set<number>();
  const resolve = (index: number): Int32Array => {
    const known = members[index];
    if (known) return known;
    if (visiting.has(index))
      throw new InvalidHierarchyError(`aggregate "${hierarchy.aggregates[index]?.id}" contains itself`);
    visiting.add(index);
    const aggregate = hierarchy.aggregates[index] as { id: string; children: readonly string[] };
    if (aggregate.children.length === 0) throw new InvalidHierarchyError(`aggregate "${aggregate.id}" has no children`);
    const collected: number[] = [];
    for (const child of aggregate.children) {
      const bottom = bottomIndex.get(child);
      if (bottom !== undefined) collected.push(bottom);
      else {
        const nested = aggregateIndex.get(child);
        if (nested === undefined) throw new InvalidHierarchyError(`"${aggregate.id}" has unknown child "${child}"`);
        collected.push(...resolve(nested));
      }
    }
    if (new Set(collected).size !== collected.length) {
      throw new InvalidHierarchyError(`aggregate "${aggregate.id}" counts a bottom series twice`);
    }
    visiting.delete(index);
    const resolved = Int32Array.from(collected.sort((a, b) => a - b));
    members[index] = resolved;
    summingOrder.push(index);
    return resolved;
  };
  for (let i = 0; i < hierarchy.aggregates.length; i++) resolve(i);
  return {
    bottom: hierarchy.bottom,
    aggregateIds: hierarchy.aggregates.map(({ id }) => id),
    members: members as Int32Array[],
    summingOrder,
    children: hierarchy.aggregates.map(({ children }) => children),
  };
}

/**
 * Aggregates as sums of their children, children first, so each aggregate
 * equals the floating-point sum of its children's forecasts exactly.
 */
export function sumUp(resolved: ResolvedHierarchy, bottom: Record<string, number[]>): Record<string, number[]> {
  const result: Record<string, number[]> = { ...bottom };
  for (const index of resolved.summingOrder) {
    const children = resolved.children[index] as readonly string[];
    const first = result[children[0] as string] as number[];
    const sums = first.map((_, h) => {
      let sum = 0;
      for (const child of children) sum += (result[child] as number[])[h] as number;
      return sum;
    });
    result[resolved.aggregateIds[index] as string] = sums;
  }
  return result;
}
