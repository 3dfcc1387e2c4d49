import { Type, type Static } from 'typebox';
import { ERROR_CODES } from '../core/errors.ts';

/** Every error the API answers with (core's list); clients switch on `code`, never on `message`. */
export { ERROR_CODES, type ErrorCode } from '../core/errors.ts';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(ERROR_CODES),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;
