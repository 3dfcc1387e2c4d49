/**
 * The words of notification e-mails, in French and English (the member's language preference,
 * else the community's). Plain text: messages.ts escapes what goes into the HTML part.
 */
import type { Locale, NotificationKind } from '../../core/index.ts';

/** What one notification says: who did what, where. */
export interface Fact {
  kind: NotificationKind;
  /** The pseudonym of who caused it; null when nobody did (an incident) or they are gone. */
  actor: string | null;
  /** The thread's title, or the incident's. */
  title: string;
  /** Kudos batched on one post. */
  count: number;
}

export interface EmailStrings {
  someone: string;
  line(fact: Fact): string;
  manyInThread(count: number, title: string): string;
  /** `day`: the community's day the digest covers, already written in the member's language. */
  digestSubject(count: number, community: string, day: string): string;
  greeting(pseudonym: string): string;
  open: string;
  intro: string;
  digestIntro: string;
  why(community: string): string;
  unsubscribeOne(kindName: string): string;
  unsubscribeAll: string;
  preferences: string;
  kindNames: Record<NotificationKind, string>;
}

const fr: EmailStrings = {
  someone: 'Quelqu’un',
  line: ({ kind, actor, title, count }) => {
    const who = actor ?? fr.someone;
    switch (kind) {
      case 'reply': return `${who} a répondu dans « ${title} »`;
      case 'new-thread': return `${who} a posé une question : « ${title} »`;
      case 'mention': return `${who} vous a mentionné dans « ${title} »`;
      case 'answer-accepted': return `${who} a accepté votre réponse dans « ${title} »`;
      case 'answer-confirmed': return `${who} a confirmé votre réponse dans « ${title} » et vous en a crédité`;
      case 'kudos': return count > 1 ? `${count} kudos pour votre message dans « ${title} »` : `${who} a donné un kudo à votre message dans « ${title} »`;
      case 'private-message': return `Nouveau message privé de ${who} à propos de « ${title} »`;
      case 'private-opened': return `${who} a pris en charge votre demande « ${title} » par message privé`;
      case 'incident': return `Incident : ${title}`;
      case 'expert-nudge': return `${who} aimerait votre aide sur « ${title} »`;
      case 'post-edited': return `${who} a modifié votre message dans « ${title} »`;
    }
  },
  manyInThread: (count, title) => `${count} nouveautés dans « ${title} »`,
  digestSubject: (count, community, day) => `${community} : votre résumé du ${day} (${count} notification${count > 1 ? 's' : ''})`,
  greeting: (pseudonym) => `Bonjour ${pseudonym},`,
  open: 'Ouvrir',
  intro: 'Du nouveau sur le forum depuis votre dernière visite :',
  digestIntro: 'Voici ce qui s’est passé pour vous sur le forum :',
  why: (community) => `Vous recevez cet e-mail parce que vous êtes membre de ${community} et que vous n’avez pas encore vu ces notifications.`,
  unsubscribeOne: (kindName) => `Ne plus recevoir d’e-mails « ${kindName} »`,
  unsubscribeAll: 'Ne plus recevoir d’e-mails du forum',
  preferences: 'Choisir mes e-mails',
  kindNames: {
    reply: 'réponses', 'new-thread': 'nouvelles questions', mention: 'mentions', 'answer-accepted': 'réponses acceptées', 'answer-confirmed': 'réponses confirmées', kudos: 'kudos',
    'private-message': 'messages privés', 'private-opened': 'prises en charge en privé', incident: 'incidents', 'expert-nudge': 'demandes d’aide',
    'post-edited': 'messages modifiés par l’équipe',
  },
};

const en: EmailStrings = {
  someone: 'Someone',
  line: ({ kind, actor, title, count }) => {
    const who = actor ?? en.someone;
    switch (kind) {
      case 'reply': return `${who} replied in “${title}”`;
      case 'new-thread': return `${who} asked “${title}”`;
      case 'mention': return `${who} mentioned you in “${title}”`;
      case 'answer-accepted': return `${who} accepted your answer in “${title}”`;
      case 'answer-confirmed': return `${who} confirmed your answer in “${title}” and credited you`;
      case 'kudos': return count > 1 ? `${count} kudos on your post in “${title}”` : `${who} gave kudos to your post in “${title}”`;
      case 'private-message': return `New private message from ${who} about “${title}”`;
      case 'private-opened': return `${who} took your question “${title}” into a private conversation`;
      case 'incident': return `Incident: ${title}`;
      case 'expert-nudge': return `${who} would like your help on “${title}”`;
      case 'post-edited': return `${who} edited your post in “${title}”`;
    }
  },
  manyInThread: (count, title) => `${count} updates in “${title}”`,
  digestSubject: (count, community, day) => `${community}: your summary for ${day} (${count} notification${count > 1 ? 's' : ''})`,
  greeting: (pseudonym) => `Hello ${pseudonym},`,
  open: 'Open',
  intro: 'New on the forum since your last visit:',
  digestIntro: 'Here is what happened for you on the forum:',
  why: (community) => `You receive this e-mail because you are a member of ${community} and have not seen these notifications yet.`,
  unsubscribeOne: (kindName) => `Stop e-mails about ${kindName}`,
  unsubscribeAll: 'Stop all e-mails from the forum',
  preferences: 'Choose my e-mails',
  kindNames: {
    reply: 'replies', 'new-thread': 'new questions', mention: 'mentions', 'answer-accepted': 'accepted answers', 'answer-confirmed': 'confirmed answers', kudos: 'kudos',
    'private-message': 'private messages', 'private-opened': 'private follow-ups', incident: 'incidents', 'expert-nudge': 'requests for help',
    'post-edited': 'posts edited by the team',
  },
};

export const EMAIL_STRINGS: Record<Locale, EmailStrings> = { fr, en };
