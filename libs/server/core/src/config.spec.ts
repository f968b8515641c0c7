import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './config';

describe('loadConfig', () => {
  it('works on a laptop with no variables at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/aula', REGISTRATION_ENABLED: true });
  });

  it('treats an empty value as unset, except an empty WEB_DIST, which turns the web app off', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
    expect(loadConfig({ WEB_DIST: '' }).WEB_DIST).toBe('');
    expect(loadConfig({}).WEB_DIST).toBe('dist/apps/web/browser');
  });

  it('reads and converts given values', () => {
    const config = loadConfig({ PORT: '8080', REGISTRATION_ENABLED: 'false', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.PORT).toBe(8080);
    expect(config.REGISTRATION_ENABLED).toBe(false);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('runs every worker processor unless WORKER_PROCESSORS names some', () => {
    expect(loadConfig({}).workerProcessors).toEqual(['certificates', 'mail', 'reminders', 'maintenance', 'outbox']);
    expect(loadConfig({ WORKER_PROCESSORS: ' mail , certificates,mail' }).workerProcessors).toEqual(['certificates', 'mail']);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/aula'],
    ['REDIS_URL', 'not a url'],
    ['REGISTRATION_ENABLED', 'perhaps'],
    ['LOG_LEVEL', 'chatty'],
    ['JWT_ACCESS_SECRET', 'short'],
    ['NODE_ENV', 'staging'],
    ['WORKER_PROCESSORS', 'mail,printer'],
    ['WORKER_PROCESSORS', 'mail;certificates'],
  ])('names %s=%s in the error', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toContain(name);
    }
  });

  it('never prints a secret it refuses', () => {
    try {
      loadConfig({ JWT_ACCESS_SECRET: 'hunter2' });
      throw new Error('should have failed');
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2');
    }
  });

  it('refuses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_ACCESS_SECRET: 'p'.repeat(40) }).isProduction).toBe(true);
    expect(DEVELOPMENT_JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});
