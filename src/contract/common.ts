import { Type } from 'typebox';
import { ErrorBody } from './errors.ts';

/** Database ids: positive integers. */
export const Id = Type.Integer({ minimum: 1 });
export const Timestamp = Type.String({ format: 'date-time' });
/** The error answers every route may give; spread into a route's `response`. */
export const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
