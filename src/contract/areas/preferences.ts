/**
 * Routes of the "preferences" area (issue 15): what a signed-in member chooses for themself —
 * following the threads they reply to, how notifications reach them by e-mail, and the forum's
 * language. Merged into `routes` by ../routes.ts. A member reads and changes only their own.
 */
import { Type, type Static } from 'typebox';
import { EMAIL_MODES, NOTIFICATION_KINDS } from '../../core/index.ts';
import { errorResponses as errors } from '../common.ts';
import { LocaleSchema } from '../models.ts';

export const EmailModeSchema = Type.Enum(EMAIL_MODES);
export const NotificationKindSchema = Type.Enum(NOTIFICATION_KINDS);

const MutedKinds = Type.Array(NotificationKindSchema, { maxItems: NOTIFICATION_KINDS.length, uniqueItems: true });

export const Preferences = Type.Object({
  /** Replying to a thread follows it. */
  followOnReply: Type.Boolean(),
  /** `immediate`: a message a few minutes after a notification is left unseen; `daily`: one digest a day; `off`: none. */
  emailMode: EmailModeSchema,
  /** Kinds never sent by e-mail (they still show in the forum). */
  emailMutedKinds: MutedKinds,
  /** The forum's language for this member (e-mails included); null follows the page and the community. */
  locale: Type.Union([LocaleSchema, Type.Null()]),
  /** Whether the brand's sign-in gave an address: without one, nothing is e-mailed. */
  hasEmail: Type.Boolean(),
});
export type Preferences = Static<typeof Preferences>;

export const PreferencesChange = Type.Object(
  {
    followOnReply: Type.Optional(Type.Boolean()),
    emailMode: Type.Optional(EmailModeSchema),
    emailMutedKinds: Type.Optional(MutedKinds),
    locale: Type.Optional(Type.Union([LocaleSchema, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PreferencesChange = Static<typeof PreferencesChange>;

export const UnsubscribeResult = Type.Object({
  /** What was stopped: one kind of notification, or every e-mail. */
  scope: Type.Union([NotificationKindSchema, Type.Literal('all')]),
});
export type UnsubscribeResult = Static<typeof UnsubscribeResult>;

export const preferencesRoutes = {
  getPreferences: {
    method: 'GET',
    url: '/me/preferences',
    audience: 'members',
    example: { response: { followOnReply: true, emailMode: 'immediate', emailMutedKinds: [], locale: null, hasEmail: false } },
    schema: { summary: 'My preferences: following, e-mail and language', response: { 200: Preferences, ...errors } },
  },
  updatePreferences: {
    method: 'PATCH',
    url: '/me/preferences',
    audience: 'members',
    example: { body: { followOnReply: true } },
    schema: { summary: 'Change my preferences; only the fields given', body: PreferencesChange, response: { 200: Preferences, ...errors } },
  },
  unsubscribeEmail: {
    method: 'POST',
    url: '/email/unsubscribe',
    audience: 'everyone',
    example: { query: { token: '3.kudos.d3d0a927cf438c52709b2f5c89ed04d0' } },
    schema: {
      summary: 'One-click unsubscribe (RFC 8058) from an e-mail’s signed link, without a session; idempotent. GET on the same URL shows a confirmation page',
      querystring: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 200: UnsubscribeResult, ...errors },
    },
  },
} as const;
