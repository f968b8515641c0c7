import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemDetails } from '@aula/contracts';
import { isConnectionError } from '@aula/server/database';
import { TooManyAttemptsError } from '@aula/server/identity';
import { serveWebApp } from './web-app';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fastify's own errors (malformed JSON, bad content type, body too large) carry a statusCode. */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Members of problem details that an exception's `extensions` may not replace. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

/**
 * RFC 9457 extension members a domain error chose to send (`extensions` of its response body,
 * e.g. what still refers to a record whose delete was refused); the standard members stay as they are.
 */
function withExtensions(problem: ProblemDetails, extensions: Record<string, unknown> | undefined): ProblemDetails {
  if (!extensions || typeof extensions !== 'object') return problem;
  const extra = Object.entries(extensions).filter(([key]) => !RESERVED.has(key) && key !== '__proto__');
  return { ...problem, ...Object.fromEntries(extra) } as ProblemDetails;
}

/** Every error leaves as RFC 9457 problem details; nothing internal leaks into the body. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();

    if (exception instanceof HttpException && exception.getStatus() === 404 && serveWebApp(request, reply)) return;

    const problem = this.toProblem(exception, request);
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error({ err: exception, reqId: request.id }, 'unhandled error');
    }
    if (exception instanceof TooManyAttemptsError) reply.header('Retry-After', String(exception.retryAfterSeconds));
    if (problem.status === 503) reply.header('Retry-After', '5');
    void reply.status(problem.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const base = (status: number, detail?: string, errors?: ProblemDetails['errors']): ProblemDetails => ({
      type: 'about:blank',
      title: TITLES[status] ?? 'Error',
      status,
      ...(detail ? { detail } : {}),
      instance: request.url.split('?')[0],
      ...(errors?.length ? { errors } : {}),
    });

    // A 400 always names what was wrong; errors without a field point at the body as a whole.
    const badRequest = (detail: string | undefined, errors?: ProblemDetails['errors']) =>
      base(400, detail, errors?.length ? errors : [{ path: 'body', message: detail ?? 'is not valid' }]);

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const { message, errors, extensions } = (typeof body === 'string' ? { message: body } : body) as {
        message?: string | string[];
        errors?: ProblemDetails['errors'];
        extensions?: Record<string, unknown>;
      };
      const joined = Array.isArray(message) ? message.join('; ') : message;
      const detail = /not valid JSON/i.test(joined ?? '') ? 'The request body is not valid JSON.' : joined;
      if (status === 400) return badRequest(detail, errors);
      return withExtensions(base(status, detail === TITLES[status] ? undefined : detail, errors), extensions);
    }
    const fastifyError = exception as FastifyLikeError;
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      if (fastifyError.statusCode === 400) return badRequest(fastifyError.message);
      return base(fastifyError.statusCode, fastifyError.message);
    }
    if (isConnectionError(exception) || isConnectionError((exception as { driverError?: unknown })?.driverError)) {
      return base(HttpStatus.SERVICE_UNAVAILABLE, 'A service Aula depends on is not reachable. Try again shortly.');
    }
    return base(HttpStatus.INTERNAL_SERVER_ERROR, 'Something went wrong on our side. It has been logged.');
  }
}
