/** The scale of a bar chart: numbers in, bar lengths (0–100 % of the axis) and axis ticks out. */

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
  /** The axis' end: the largest value rounded up to 1, 2 or 5 × 10ⁿ. */
  max: number;
  /** Evenly spaced values from 0 to `max`, for gridlines. */
  ticks: number[];
  total: number;
}

/** 7 → 10, 23 → 50, 120 → 200, 0 → 1: an axis end a reader can count on. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}

/**
 * Bars scaled to a nice axis end. Negative or missing counts are drawn as zero; a non-zero
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
  const max = niceCeiling(largest);
  const step = max / (max <= 2 ? max : max % 5 === 0 && max >= 5 ? 5 : 4);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(Math.round(tick * 1000) / 1000);
  return {
    bars: ordered.map((row) => ({
      ...row,
      percent: row.value === 0 ? 0 : Math.max(1, Math.round((row.value / max) * 1000) / 10),
    })),
    max,
    ticks,
    total: ordered.reduce((sum, row) => sum + row.value, 0),
  };
}
