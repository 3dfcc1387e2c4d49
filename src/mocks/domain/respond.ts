/** What the msw adapter answers besides results: the contract's error body, and a chosen latency. */
import { HttpResponse, delay } from 'msw';
import type { ErrorBody } from '../../contract/errors.ts';

/** Milliseconds before each answer, or a [min, max] range. */
export type Latency = number | [number, number];

export function errorResponse(status: number, code: ErrorBody['error']['code'], message: string, details?: unknown): Response {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return HttpResponse.json(body, { status });
}

export async function wait(latency: Latency): Promise<void> {
  const [min, max] = Array.isArray(latency) ? latency : [latency, latency];
  const ms = min + Math.random() * (max - min);
  if (ms > 0) await delay(ms);
}
