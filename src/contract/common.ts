import { Type, type TStringOptions } from 'typebox';
import { ID_MAX, SINGLE_LINE_PATTERN } from '../core/text.ts';
import { ErrorBody } from './errors.ts';

/** Database ids: positive PostgreSQL `integer`s; a bigger id names nothing and is refused as invalid. */
export const Id = Type.Integer({ minimum: 1, maximum: ID_MAX });
/** Ids of `bigint` rows (audit entries): only ever answered, never asked for. */
export const BigId = Type.Integer({ minimum: 1 });
export const Timestamp = Type.String({ format: 'date-time' });
/** A one-line text (titles, banners): no control characters. */
export const Line = (options: Omit<TStringOptions, 'pattern'>) => Type.String({ ...options, pattern: SINGLE_LINE_PATTERN });
/** The error answers every route may give; spread into a route's `response`. */
export const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
