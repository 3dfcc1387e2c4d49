/**
 * The advisor composer's strings, kept out of the read path's translation tables (the
 * forum bundle never loads them). Parameterised strings are functions.
 */
import type { Locale, RecipientWarning } from '../../core/index.ts';

export interface AdvisorComposerStrings {
  greeting: (asker: string) => string;
  citation: (pseudonym: string) => string;
  bodyLabel: string;
  shortcutHint: string;
  warningsLabel: string;
  warning: (warning: RecipientWarning) => string;
  dismiss: string;
  dismissLabel: (text: string) => string;
  creditTitle: string;
  creditHelp: string;
  noCommunityReplies: string;
  citeLabel: (pseudonym: string) => string;
  assistedTitle: string;
  noColleagues: string;
  faqTitle: string;
  faqLoading: string;
  noFaq: string;
  faqFailed: string;
  linkFaq: string;
  linkedFaq: string;
  signatureTitle: string;
  noSignature: string;
  signatureFailed: string;
  sendReply: string;
  sendConfirmation: (cited: number) => string;
  sending: string;
  sent: string;
  sendFailed: string;
  creditsNeedCitation: string;
  bodyTooShort: (min: number) => string;
  draftRestored: string;
  reviewTitle: string;
  reviewHelp: string;
  shareWith: string;
  shareDraft: string;
  approved: string;
  awaitingReview: string;
  reviewComments: string;
  noReviewComments: string;
  refreshReview: string;
  reviewFailed: string;
  /** Under the review, once shared: the send button publishes the shared draft. */
  postsSharedDraft: string;
  creditApprovers: (count: number) => string;
  creditApproversNeedCitation: string;
  editedSinceShared: string;
}

const fr: AdvisorComposerStrings = {
  greeting: (asker) => `Bonjour à tous, @${asker}\n`,
  citation: (pseudonym) => `Comme l'a très bien expliqué @${pseudonym}, je confirme sa réponse.`,
  bodyLabel: 'Votre réponse publique',
  shortcutHint: 'Ctrl+Entrée envoie.',
  warningsLabel: 'Conseils de rédaction',
  warning: (warning) => {
    switch (warning.kind) {
      case 'single-addressee':
        return `Votre salutation ne s'adresse qu'à ${warning.name}. Beaucoup de personnes lisent sans écrire : pensez à saluer tout le monde (« Bonjour à tous ») avant @${warning.name}.`;
      case 'too-long':
        return `Votre réponse fait ${warning.words} mots (conseillé : ${warning.max} au plus). Une réponse courte est lue jusqu'au bout.`;
      case 'long-sentences':
        return `Vos phrases font ${warning.averageWords} mots en moyenne. Des phrases plus courtes (${warning.max} mots au plus) se lisent mieux.`;
      case 'jargon':
        return `Ces termes risquent de ne pas être compris : ${warning.terms.join(', ')}. Pouvez-vous les expliquer ou lier une FAQ ?`;
      case 'private-redirect':
        return `Vous proposez de continuer en privé (« ${warning.phrase} »). Si la réponse peut être publique, répondez ici : elle servira à tous ceux qui ont la même question.`;
    }
  },
  dismiss: 'Ignorer',
  dismissLabel: (text) => `Ignorer le conseil : ${text}`,
  creditTitle: 'Confirmer et créditer',
  creditHelp: 'Cochez les réponses de la communauté que vous confirmez : leurs auteurs seront crédités.',
  noCommunityReplies: 'Aucune réponse de la communauté pour l’instant.',
  citeLabel: (pseudonym) => `Confirmer la réponse de ${pseudonym}`,
  assistedTitle: 'Avec l’aide de',
  noColleagues: 'Aucun collègue n’a écrit dans cette discussion.',
  faqTitle: 'FAQ suggérées',
  faqLoading: 'Recherche de FAQ…',
  noFaq: 'Aucune FAQ ne correspond à cette question.',
  faqFailed: 'Les suggestions de FAQ n’ont pas pu être chargées.',
  linkFaq: 'Lier',
  linkedFaq: 'Liée',
  signatureTitle: 'Votre signature, telle qu’elle apparaîtra',
  noSignature: 'Aucune signature n’est définie pour cette communauté.',
  signatureFailed: 'La signature n’a pas pu être chargée.',
  sendReply: 'Publier la réponse',
  sendConfirmation: (cited) => (cited === 1 ? 'Publier la confirmation (1 réponse créditée)' : `Publier la confirmation (${cited} réponses créditées)`),
  sending: 'Envoi…',
  sent: 'Votre réponse est publiée.',
  sendFailed: 'L’envoi a échoué ; votre brouillon est conservé.',
  creditsNeedCitation: 'Les FAQ liées et les remerciements aux collègues accompagnent une confirmation : cochez au moins une réponse de la communauté.',
  bodyTooShort: (min) => `Écrivez au moins ${min} caractères.`,
  draftRestored: 'Votre brouillon a été restauré.',
  reviewTitle: 'Relecture par un collègue',
  reviewHelp: 'Partagez votre brouillon pour un second avis sur le fond, la formulation et le ton avant de publier.',
  shareWith: 'Partager avec',
  shareDraft: 'Partager avec un collègue',
  approved: 'a approuvé',
  awaitingReview: 'relecture en attente',
  reviewComments: 'Commentaires des collègues',
  noReviewComments: 'Pas encore de commentaire.',
  refreshReview: 'Actualiser la relecture',
  reviewFailed: 'Le brouillon n’a pas pu être partagé ; réessayez.',
  postsSharedDraft: 'Le bouton d’envoi publie ce brouillon partagé.',
  creditApprovers: (count) => (count === 1 ? 'Créditer le collègue qui a approuvé (« avec l’aide de »)' : `Créditer les ${count} collègues qui ont approuvé (« avec l’aide de »)`),
  creditApproversNeedCitation: 'Pour créditer les collègues qui ont approuvé, citez une réponse de la communauté : seules les confirmations portent des crédits.',
  editedSinceShared: 'Modifié depuis le partage : l’envoi enregistre ce texte, et les approbations de l’ancienne formulation ne comptent plus.',
};

const en: AdvisorComposerStrings = {
  greeting: (asker) => `Hello everyone, @${asker}\n`,
  citation: (pseudonym) => `As @${pseudonym} rightly explained, I confirm this answer.`,
  bodyLabel: 'Your public reply',
  shortcutHint: 'Ctrl+Enter sends.',
  warningsLabel: 'Writing tips',
  warning: (warning) => {
    switch (warning.kind) {
      case 'single-addressee':
        return `Your greeting addresses only ${warning.name}. Many people read without posting: consider greeting everyone ("Hello everyone") before @${warning.name}.`;
      case 'too-long':
        return `Your reply is ${warning.words} words long (suggested: at most ${warning.max}). Short replies get read to the end.`;
      case 'long-sentences':
        return `Your sentences average ${warning.averageWords} words. Shorter sentences (at most ${warning.max} words) read more easily.`;
      case 'jargon':
        return `These terms may not be understood: ${warning.terms.join(', ')}. Could you explain them or link an FAQ?`;
      case 'private-redirect':
        return `You suggest continuing in private ("${warning.phrase}"). If the answer can be public, answer here: it will help everyone with the same question.`;
    }
  },
  dismiss: 'Dismiss',
  dismissLabel: (text) => `Dismiss the tip: ${text}`,
  creditTitle: 'Confirm and credit',
  creditHelp: 'Tick the community replies you confirm: their authors will be credited.',
  noCommunityReplies: 'No community reply yet.',
  citeLabel: (pseudonym) => `Confirm ${pseudonym}'s reply`,
  assistedTitle: 'Assisted by',
  noColleagues: 'No colleague has written in this thread.',
  faqTitle: 'Suggested FAQ',
  faqLoading: 'Looking for FAQ articles…',
  noFaq: 'No FAQ article matches this question.',
  faqFailed: 'FAQ suggestions could not be loaded.',
  linkFaq: 'Link',
  linkedFaq: 'Linked',
  signatureTitle: 'Your signature, as it will appear',
  noSignature: 'This community has no signature set.',
  signatureFailed: 'The signature could not be loaded.',
  sendReply: 'Post reply',
  sendConfirmation: (cited) => (cited === 1 ? 'Post confirmation (1 reply credited)' : `Post confirmation (${cited} replies credited)`),
  sending: 'Sending…',
  sent: 'Your reply is posted.',
  sendFailed: 'Sending failed; your draft is kept.',
  creditsNeedCitation: 'Linked FAQ articles and colleague credits go with a confirmation: tick at least one community reply.',
  bodyTooShort: (min) => `Write at least ${min} characters.`,
  draftRestored: 'Your draft was restored.',
  reviewTitle: 'Colleague review',
  reviewHelp: 'Share your draft for a second opinion on facts, wording and tone before posting.',
  shareWith: 'Share with',
  shareDraft: 'Share with a colleague',
  approved: 'approved',
  awaitingReview: 'review pending',
  reviewComments: 'Colleagues’ comments',
  noReviewComments: 'No comment yet.',
  refreshReview: 'Refresh review',
  reviewFailed: 'The draft could not be shared; try again.',
  postsSharedDraft: 'The send button publishes this shared draft.',
  creditApprovers: (count) => (count === 1 ? 'Credit the colleague who approved (“assisted by”)' : `Credit the ${count} colleagues who approved (“assisted by”)`),
  creditApproversNeedCitation: 'To credit the colleagues who approved, cite a community reply: only confirmations carry credits.',
  editedSinceShared: 'Edited since it was shared: sending saves this text, and approvals of the previous wording no longer count.',
};

export const advisorComposerStrings: Record<Locale, AdvisorComposerStrings> = { fr, en };
