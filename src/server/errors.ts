import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../core/index.ts';
import type { ErrorBody, ErrorCode } from '../contract/index.ts';
import { invalidRequest } from '../domain/validation.ts';

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Maps Fastify's own errors to ours, so every failure has the same shape; hides 5xx text. */
function toApiError(error: FastifyError): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation) return invalidRequest(error.validationContext, error.validation);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('unsupported_media_type', 'Send JSON with content-type: application/json.');
  }
  if (error.statusCode === 429) return new ApiError('rate_limited', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new ApiError('validation_failed', error.message);
  return new ApiError('internal', 'Something went wrong on our side; nothing was saved.');
}

/** The router's own refusals (a malformed percent-escape, an over-long path segment) come before any hook: same shape. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const apiError = toApiError(error);
  void reply.status(apiError.statusCode).send(body(apiError.code, apiError.message));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const retryAfter = (apiError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(apiError.statusCode).send(body(apiError.code, apiError.message, apiError.details));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}
