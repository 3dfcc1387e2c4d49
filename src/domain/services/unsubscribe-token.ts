/**
 * The signed token of an e-mail's unsubscribe link: `<member id>.<scope>.<HMAC>`, signed with
 * the community's own key (migration 016). It does not expire: a link in an old e-mail must
 * still work (RFC 8058), and it can only ever turn e-mails off.
 */
import { isUnsubscribeScope, type UnsubscribeScope } from '../../core/index.ts';
import { hmacHex } from '../hmac.ts';

const PURPOSE = 'entraide:unsubscribe:v1';

function signature(key: string, memberId: number, scope: UnsubscribeScope): string {
  // 128 bits of the HMAC: unforgeable, and the link stays short.
  return hmacHex(key, `${PURPOSE}:${memberId}:${scope}`).slice(0, 32);
}

export function unsubscribeToken(key: string, memberId: number, scope: UnsubscribeScope): string {
  return `${memberId}.${scope}.${signature(key, memberId, scope)}`;
}

/** The member and scope a token names, or undefined when it is malformed or its signature does not match. */
export function readUnsubscribeToken(key: string, token: string): { memberId: number; scope: UnsubscribeScope } | undefined {
  const match = /^(\d{1,10})\.([a-z-]{1,30})\.([0-9a-f]{32})$/.exec(token);
  if (!match) return undefined;
  const memberId = Number(match[1]);
  const scope = match[2]!;
  if (!Number.isSafeInteger(memberId) || memberId < 1 || !isUnsubscribeScope(scope)) return undefined;
  return constantTimeEqual(signature(key, memberId, scope), match[3]!) ? { memberId, scope } : undefined;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
