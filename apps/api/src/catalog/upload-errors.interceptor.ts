import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { ACTIVITY_FILE_MAX_BYTES } from '@aula/contracts';

/**
 * The multipart parser's own refusals ("Too many parts", "Unexpected file field", "File too
 * large") carry no field; this names `file` in them, as every 400 names what was wrong. Place it
 * before the upload interceptor so it wraps it.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => nameFileField(error))));
  }
}

function nameFileField(error: unknown): unknown {
  if (error instanceof PayloadTooLargeException) {
    const message = `must be at most ${ACTIVITY_FILE_MAX_BYTES / 1024 / 1024} MB`;
    return new PayloadTooLargeException({
      message: `The file is too large: it ${message}.`,
      errors: [{ path: 'file', message }],
    });
  }
  if (error instanceof BadRequestException) {
    const body = error.getResponse();
    if (typeof body === 'object' && body !== null && 'errors' in body) return error;
    return new BadRequestException({
      message: error.message,
      errors: [{ path: 'file', message: error.message }],
    });
  }
  return error;
}
