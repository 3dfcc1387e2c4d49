/** The signed-in member's header links, in their own lazy chunk (not the read path's tables). */
import type { Locale } from '../../core/index.ts';

export interface AccountLinksStrings {
  label: string;
  inbox: string;
  /** Said after the link's name while conversations have unread messages (the visible count is hidden from screen readers). */
  inboxUnread: (count: number) => string;
  preferences: string;
  agent: string;
  admin: string;
}

export const accountLinksStrings: Record<Locale, AccountLinksStrings> = {
  fr: {
    label: 'Mon compte', inbox: 'Messages', inboxUnread: (n) => `, ${n} ${n === 1 ? 'conversation non lue' : 'conversations non lues'}`, preferences: 'Préférences', agent: 'Espace conseillers', admin: 'Administration',
  },
  en: {
    label: 'My account', inbox: 'Messages', inboxUnread: (n) => `, ${n} unread ${n === 1 ? 'conversation' : 'conversations'}`, preferences: 'Preferences', agent: 'Advisor workspace', admin: 'Administration',
  },
};
