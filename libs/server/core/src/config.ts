import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true
  : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/** The worker's processors, by what they consume: WORKER_PROCESSORS picks those a worker process runs. */
export const WORKER_PROCESSOR_NAMES = ['certificates', 'mail', 'reminders', 'maintenance', 'outbox'] as const;
export type WorkerProcessorName = (typeof WORKER_PROCESSOR_NAMES)[number];
const processorList = new RegExp(`^\\s*(${WORKER_PROCESSOR_NAMES.join('|')})\\s*(,\\s*(${WORKER_PROCESSOR_NAMES.join('|')})\\s*)*$`);

/** A secret that is fine on a laptop and refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'aula-development-secret-change-me-in-production';

/**
 * Every setting Aula reads from the environment, with defaults that work on a laptop.
 * `.env.example` documents the same list; keep the two together.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  PLATFORM_NAME = 'Aula';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://127.0.0.1:3000';

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/aula';

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['redis', 'rediss'] })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString() @MinLength(3)
  MAIL_FROM = 'Aula <no-reply@aula.example>';

  @IsString() @MinLength(32, { message: 'JWT_ACCESS_SECRET must be at least 32 characters' })
  JWT_ACCESS_SECRET = DEVELOPMENT_JWT_SECRET;

  /** Access token lifetime in seconds. */
  @Transform(toInt) @IsInt() @Min(10) @Max(86400)
  JWT_ACCESS_TTL = 900;

  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 14;

  @Transform(toBool) @IsBoolean()
  REGISTRATION_ENABLED = true;

  /** Comma-separated origins allowed to call the API from a browser. */
  @IsString()
  CORS_ORIGINS = 'http://127.0.0.1:3000,http://localhost:3000,http://localhost:4200';

  /** Folder of the built web app that the API serves; empty to serve the API only. */
  @IsString()
  WEB_DIST = 'dist/apps/web/browser';

  @IsString()
  DATA_DIR = '.data';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Failed sign-ins allowed per account within SIGN_IN_WINDOW_SECONDS before answering 429. */
  @Transform(toInt) @IsInt() @Min(1)
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed sign-ins allowed per client address within the window. */
  @Transform(toInt) @IsInt() @Min(1)
  SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;

  @Transform(toInt) @IsInt() @Min(1)
  SIGN_IN_WINDOW_SECONDS = 900;

  /**
   * Ed25519 private key (PKCS#8 PEM file) that signs certificate credentials. Read by the worker
   * only; the API verifies with the public key the worker publishes. Empty: DATA_DIR/keys/
   * certificate-signing-key.pem, created on the worker's first start.
   */
  @IsString()
  CERTIFICATE_SIGNING_KEY_FILE = '';

  /** Certificate verifications allowed per client address within CERTIFICATE_VERIFY_WINDOW_SECONDS before 429. */
  @Transform(toInt) @IsInt() @Min(1)
  CERTIFICATE_VERIFY_MAX_PER_ADDRESS = 60;

  @Transform(toInt) @IsInt() @Min(1)
  CERTIFICATE_VERIFY_WINDOW_SECONDS = 60;

  /** Pooled SMTP connections per worker. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  MAIL_POOL_SIZE = 5;

  /** Messages per second for the whole platform (every worker together): the mail queue's limiter. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  MAIL_RATE_PER_SECOND = 50;

  /** Hours before an assignment's due time at which trainees are reminded, comma-separated: the default for courses that set none of their own. */
  @IsString()
  REMINDER_OFFSETS_HOURS = '72,24';

  /** How often the reminder scheduler looks for due work. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  REMINDER_INTERVAL_MINUTES = 15;

  /**
   * Which processors a worker process runs, comma-separated: all by default; a subset makes a
   * dedicated worker (mail only, certificates only...). Every processor is safe with several copies.
   */
  @Matches(processorList, { message: `WORKER_PROCESSORS must be a comma-separated list of ${WORKER_PROCESSOR_NAMES.join(', ')}` })
  WORKER_PROCESSORS = WORKER_PROCESSOR_NAMES.join(',');

  /** Password-reset requests allowed per email and per client address within the window (seconds). */
  @Transform(toInt) @IsInt() @Min(1)
  PASSWORD_RESET_MAX_PER_ACCOUNT = 3;

  @Transform(toInt) @IsInt() @Min(1)
  PASSWORD_RESET_MAX_PER_ADDRESS = 20;

  @Transform(toInt) @IsInt() @Min(1)
  PASSWORD_RESET_WINDOW_SECONDS = 3600;

  /** Trust X-Forwarded-For from a reverse proxy. */
  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** REMINDER_OFFSETS_HOURS as numbers, largest first. */
  get reminderOffsetsHours(): number[] {
    return [...new Set(this.REMINDER_OFFSETS_HOURS.split(',').map((h) => Number(h.trim())).filter((h) => Number.isFinite(h) && h > 0))].sort((a, b) => b - a);
  }

  /** WORKER_PROCESSORS as names, each once, in the order of WORKER_PROCESSOR_NAMES. */
  get workerProcessors(): WorkerProcessorName[] {
    const chosen = new Set(this.WORKER_PROCESSORS.split(',').map((p) => p.trim()));
    return WORKER_PROCESSOR_NAMES.filter((p) => chosen.has(p));
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.map((e) => {
    const given = env[e.property];
    const shown = /SECRET|PASSWORD|TOKEN/.test(e.property) ? '(hidden)' : JSON.stringify(given);
    return `${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
  });
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  // An empty value means "not set", except where empty is itself a choice (no web app to serve).
  const emptyAllowed = new Set(['WEB_DIST']);
  const given = Object.fromEntries(
    known.filter((k) => env[k] !== undefined && (env[k] !== '' || emptyAllowed.has(k))).map((k) => [k, env[k]]),
  );
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const problems = describe(validateSync(config, { forbidUnknownValues: false }), env);
  if (config.isProduction && config.JWT_ACCESS_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('JWT_ACCESS_SECRET: must be set to a private value when NODE_ENV=production');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** For entry points: print the problems and stop, instead of a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw e;
  }
}
