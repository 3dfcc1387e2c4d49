import type { PreferencesChange } from '../../contract/areas/preferences.ts';
import type { Http, RequestOptions } from '../http.ts';
import { getPreferences, unsubscribeEmail, updatePreferences } from '../routes/index.ts';

/** The signed-in member's own preferences (`client.preferences`): following, e-mail and language. */
export const preferencesResource = (http: Http) => ({
  get: (request: RequestOptions = {}) => http.call(getPreferences, {}, request),
  /** Changes only the fields given. */
  update: (change: PreferencesChange, request: RequestOptions = {}) => http.call(updatePreferences, { body: change }, request),
  /** The one-click unsubscribe of an e-mail's link (`token` from its URL); needs no session, idempotent. */
  unsubscribe: (token: string, request: RequestOptions = {}) => http.call(unsubscribeEmail, { query: { token } }, request),
});
