import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { API_PREFIX } from '@aula/contracts';
import { AppConfig, loadConfigOrExit, requestId } from '@aula/server/core';
import { AppModule } from './app.module';
import { configureWebApp } from './common/web-app';

/** Builds the API exactly as production runs it; tests call this too. */
export async function createApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: loadConfigOrExit().TRUST_PROXY,
    genReqId: (req: IncomingMessage) => requestId(req),
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);

  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  app.enableCors({ origin: config.corsOrigins, credentials: true });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        // The certificate template editor shows its sample PDF, fetched by the app, in a frame.
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only behind HTTPS: on a laptop's http://127.0.0.1 it would break every asset.
        upgradeInsecureRequests: config.PUBLIC_URL.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const instance = app.getHttpAdapter().getInstance();
  instance.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Aula API')
      .setDescription('Learning platform API: identity, courses, assessments, certificates.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('aula_refresh')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs.json', useGlobalPrefix: false });

  const webDist = config.WEB_DIST ? resolve(config.WEB_DIST) : '';
  if (configureWebApp(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      // Looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: ['index.html'],
      // Brotli/gzip files written next to the build by `nx run web:precompress`.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        // Hashed bundles never change; everything else is checked on each visit.
        const hashed = /-[A-Za-z0-9_]{8,}\.(js|css)(\.br|\.gz)?$/.test(path);
        void res.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
