/** Types of services/index.mjs for the TypeScript that imports it (test setup). */
export declare const DEFAULTS: { databaseUrl: string; redisUrl: string; smtpUrl: string; mailWebUrl: string };

export interface RunningServices {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  mailWebUrl: string;
  started: ('postgres' | 'redis' | 'maildev')[];
  stop(): Promise<void>;
}

export declare function ensureServices(options?: {
  databaseUrl?: string;
  redisUrl?: string;
  smtp?: boolean;
  smtpUrl?: string;
  mailWebUrl?: string;
  log?: (line: string) => void;
}): Promise<RunningServices>;
export declare function createDatabase(databaseUrl: string): Promise<boolean>;
export declare function dropDatabase(databaseUrl: string): Promise<void>;
export declare function redisEvictionPolicy(redisUrl: string): Promise<string>;
export declare function preferUnixSocket(databaseUrl: string): Promise<string>;
export { provision } from './provision.mjs';
