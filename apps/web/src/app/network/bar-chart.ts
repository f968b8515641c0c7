/** The scale of a bar chart: numbers in, bar lengths (0–100 % of the longest) out. */

export interface ChartRow {
  key: string;
  label: string;
  value: number;
}

export interface ChartBar extends ChartRow {
  /** Length of the bar as a share of the axis, 0–100. */
  percent: number;
}

export interface ChartScale {
  bars: ChartBar[];
  /** The value a full-length bar stands for: the largest one (1 when all are zero). */
  max: number;
  total: number;
}

/**
 * Bars scaled to the largest value, which spans the whole track. Negative or missing counts are drawn as zero; a non-zero
 * value keeps a sliver of bar so it is not mistaken for none. `sort` puts the largest first
 * (ties in the order given).
 */
export function scaleBars(rows: readonly ChartRow[], options: { sort?: boolean } = {}): ChartScale {
  const clean = rows.map((row) => ({
    ...row,
    value: Number.isFinite(row.value) ? Math.max(0, row.value) : 0,
  }));
  const ordered = options.sort
    ? clean
        .map((row, index) => ({ row, index }))
        .sort((a, b) => b.row.value - a.row.value || a.index - b.index)
        .map(({ row }) => row)
    : clean;
  const largest = Math.max(0, ...ordered.map((row) => row.value));
  const max = largest > 0 ? largest : 1;
  return {
    bars: ordered.map((row) => ({
      ...row,
      percent: row.value === 0 ? 0 : Math.max(1, Math.round((row.value / max) * 1000) / 10),
    })),
    max,
    total: ordered.reduce((sum, row) => sum + row.value, 0),
  };
}
