/**
 * The domain's own refusal helpers. The typed error itself (`ApiError`, its codes and statuses)
 * lives in core, where the guardian's `ensure…` throws it; who may do what is the guardian's.
 */
import { ApiError } from '../core/errors.ts';

export const notFound = (what: string) => new ApiError('not_found', `${what} does not exist.`);
