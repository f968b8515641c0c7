import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** An optional `.env` in the working folder fills in variables not already set. Nothing requires one. */
export function loadEnvFile(path = resolve(process.cwd(), '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
