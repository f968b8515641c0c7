import type { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@aula/contracts';

// Contracts are imported for types only; `typeof` ties these copies to the API's limits,
// so a change there fails the web build instead of drifting.
export const PASSWORD_MIN: typeof PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX: typeof PASSWORD_MAX_LENGTH = 200;
export const DISPLAY_NAME_MAX: typeof DISPLAY_NAME_MAX_LENGTH = 120;
