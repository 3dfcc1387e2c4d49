/** The "preferences" area (see src/contract/areas/preferences.ts): a member's own settings, and the e-mails' one-click unsubscribe. */
import { getPreferences, unsubscribeByToken, updatePreferences } from '../services/preferences.ts';
import type { Operations } from './operation.ts';

type Names = 'getPreferences' | 'updatePreferences' | 'unsubscribeEmail';

export const preferencesOperations: Operations<Names> = {
  getPreferences: { run: (ctx, { actor }) => getPreferences(ctx, { actor }) },
  updatePreferences: { run: (ctx, { actor, body }) => updatePreferences(ctx, { actor, body }) },
  // The signed link is the proof: mail clients POST it without a session (RFC 8058).
  unsubscribeEmail: { public: true, run: (ctx, { query }) => unsubscribeByToken(ctx, { token: query.token }) },
};

