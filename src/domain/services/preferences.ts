/**
 * A member's own preferences (contract area "preferences") and the one-click unsubscribe of the
 * e-mails' signed links (RFC 8058), which needs no session: the link's signature is the proof.
 */
import type { Preferences, PreferencesChange, UnsubscribeResult } from '../../contract/areas/preferences.ts';
import { ApiError, guardian, type Actor } from '../../core/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { emailLinkKey, memberInCommunity, readPreferences, unsubscribe, writePreferences, type PreferencesRow } from '../repo/preferences.ts';
import { readUnsubscribeToken } from './unsubscribe-token.ts';

function toPreferences(row: PreferencesRow): Preferences {
  return {
    followOnReply: row.follow_on_reply, emailMode: row.email_mode, emailMutedKinds: [...row.email_muted_kinds], locale: row.locale, hasEmail: row.has_email,
  };
}

export async function getPreferences({ db }: ServiceContext, { actor }: { actor: Actor }): Promise<Preferences> {
  const member = guardian(actor).ensureSignedIn();
  const row = await readPreferences(db, member.memberId);
  if (!row) throw notFound('Member');
  return toPreferences(row);
}

export async function updatePreferences({ db }: ServiceContext, { actor, body }: { actor: Actor; body: PreferencesChange }): Promise<Preferences> {
  const member = guardian(actor).ensureSignedIn();
  return db.transaction(async (tx) => {
    const row = await readPreferences(tx, member.memberId);
    if (!row) throw notFound('Member');
    const next: PreferencesRow = {
      ...row,
      ...(body.followOnReply !== undefined && { follow_on_reply: body.followOnReply }),
      ...(body.emailMode !== undefined && { email_mode: body.emailMode }),
      ...(body.emailMutedKinds !== undefined && { email_muted_kinds: [...body.emailMutedKinds] }),
      ...(body.locale !== undefined && { locale: body.locale }),
    };
    await writePreferences(tx, member.memberId, next);
    return toPreferences(next);
  });
}

/** Stops the e-mails the token names; the same token again changes nothing and answers the same. */
export async function unsubscribeByToken({ db, community }: ServiceContext, { token }: { token: string }): Promise<UnsubscribeResult> {
  const key = await emailLinkKey(db, community.id);
  const named = readUnsubscribeToken(key, token);
  if (!named || !(await memberInCommunity(db, named.memberId, community.id))) {
    throw new ApiError('validation_failed', 'This unsubscribe link is not valid: it may have been cut or changed. Change your e-mail preferences in the forum instead.',
      [{ in: 'querystring', path: '/token', message: 'is not a valid unsubscribe token' }]);
  }
  await db.transaction((tx) => unsubscribe(tx, named.memberId, named.scope));
  return { scope: named.scope };
}
