/** Authorization matrix rows of the preferences area: a member's own settings; the unsubscribe link needs no session (its signature is the proof). */
import type { RouteName } from '../../../src/contract/routes.ts';
import { emailLinkKey } from '../../../src/domain/repo/preferences.ts';
import { unsubscribeToken } from '../../../src/domain/services/unsubscribe-token.ts';
import type { Fixture, Row } from './authorization.rows.ts';

const members: Row['expect'] = { guest: 'sign-in', asker: 'allowed', otherMember: 'allowed', advisor: 'allowed', moderator: 'allowed' };
const everyone: Row['expect'] = { guest: 'allowed', asker: 'allowed', otherMember: 'allowed', advisor: 'allowed', moderator: 'allowed' };

async function unsubscribeUrl(f: Fixture): Promise<string> {
  const key = await emailLinkKey(f.server.db, f.server.fixtures.communityId);
  return `/api/email/unsubscribe?token=${unsubscribeToken(key, f.server.fixtures.members.other.id, 'kudos')}`;
}

export function preferencesRows(): Partial<Record<RouteName, Row>> {
  return {
    getPreferences: { request: () => ({ url: '/api/me/preferences' }), expect: members },
    updatePreferences: { request: () => ({ method: 'PATCH', url: '/api/me/preferences', payload: { followOnReply: true } }), expect: members },
    unsubscribeEmail: { request: async (f) => ({ method: 'POST', url: await unsubscribeUrl(f), payload: {} }), expect: everyone },
  };
}
