/** The signed-in member's header links, in their own lazy chunk (not the read path's tables). */
import type { Locale } from '../../core/index.ts';

export interface AccountLinksStrings {
  label: string;
  inbox: string;
  preferences: string;
  agent: string;
  admin: string;
}

export const accountLinksStrings: Record<Locale, AccountLinksStrings> = {
  fr: { label: 'Mon compte', inbox: 'Messages', preferences: 'Préférences', agent: 'Espace conseillers', admin: 'Administration' },
  en: { label: 'My account', inbox: 'Messages', preferences: 'Preferences', agent: 'Advisor workspace', admin: 'Administration' },
};
