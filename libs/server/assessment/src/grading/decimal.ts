import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` comes back as a string; the domain works in numbers. */
export const decimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
