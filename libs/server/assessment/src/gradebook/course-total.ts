/**
 * The course total, as documented in `@aula/contracts` gradebook.ts and the README:
 * item percent = points / max × 100 (a missing grade counts as 0); a category's percent is the
 * weighted mean of its items (item weights); the total is the weighted mean of the groups, each
 * category weighing its category weight (1 when not listed) and each uncategorised item being a
 * group of its own weighing its item weight. Groups of weight 0 do not count; nothing left → null.
 */

export interface TotalItem {
  maxPoints: number;
  weight: number;
  category: string | null;
}

export interface CompiledTotal {
  /** Total in percent (two decimals) for points aligned with the items (null: missing). */
  total(points: readonly (number | null | undefined)[]): number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Precomputes, once per gradebook, each item's share of the total: the total is then a plain sum
 * of points × factor, which keeps a 1,000-row cohort cheap and gives exactly the nested means.
 */
export function compileTotal(
  items: readonly TotalItem[],
  categoryWeights: Record<string, number>,
): CompiledTotal {
  const groups = new Map<string, { weight: number; itemWeight: number; members: number[] }>();
  items.forEach((item, index) => {
    const key = item.category === null ? `\u0000${index}` : `c:${item.category}`;
    let group = groups.get(key);
    if (!group) {
      const weight = item.category === null ? item.weight : (categoryWeights[item.category] ?? 1);
      group = { weight, itemWeight: 0, members: [] };
      groups.set(key, group);
    }
    group.itemWeight += item.category === null ? 1 : item.weight;
    group.members.push(index);
  });
  const counted = [...groups.values()].filter(
    (g) => g.weight > 0 && g.itemWeight > 0 && g.members.length > 0,
  );
  const totalWeight = counted.reduce((sum, g) => sum + g.weight, 0);
  const factors = new Array<number>(items.length).fill(0);
  for (const g of counted) {
    for (const index of g.members) {
      const item = items[index];
      const itemShare = item.category === null ? 1 : item.weight / g.itemWeight;
      // percent of the item × its share of the group × the group's share of the total
      factors[index] = item.maxPoints > 0 ? ((100 / item.maxPoints) * itemShare * g.weight) / totalWeight : 0;
    }
  }
  const empty = counted.length === 0 || totalWeight <= 0;
  return {
    total(points) {
      if (empty) return null;
      let sum = 0;
      for (let i = 0; i < factors.length; i++) {
        const p = points[i];
        if (p !== null && p !== undefined) sum += p * factors[i];
      }
      return round2(Math.min(100, Math.max(0, sum)));
    },
  };
}

/** Passed when the total reaches the pass mark; null without a pass mark. */
export function passed(totalPercent: number | null, passPercent: number | null): boolean | null {
  if (passPercent === null) return null;
  return (totalPercent ?? 0) >= passPercent;
}
