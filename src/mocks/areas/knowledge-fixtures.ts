/**
 * The FAQ base every mock starts from: four Volta Mobile articles in French and English, on
 * topics of the demo seed (src/domain/seed/topics-*.ts) and filed in the mock categories of
 * ../fixtures.ts (1 activation, 2 billing, 3 technical help, 4 network). As in the seed, an
 * article has the same slug in both languages (study §11, §20).
 */
import type { Locale } from '../../core/index.ts';

export interface FaqFixture {
  id: number;
  slug: string;
  locale: Locale;
  categoryId: number | null;
  title: string;
  summary: string;
  /** Markdown, rendered by the mock like the server would. */
  bodyMd: string;
  createdAt: string;
}

const CREATED = '2026-10-01T09:00:00Z';

export const FAQ_FIXTURES: readonly FaqFixture[] = [
  {
    id: 1, slug: 'activer-ma-carte-sim', locale: 'fr', categoryId: 1, createdAt: CREATED,
    title: 'Activer ma carte SIM',
    summary: 'Carte SIM reçue mais toujours pas activée ?',
    bodyMd: "L'activation prend en général 2 à 4 h, parfois jusqu'à 24 h.\n\nActivez la ligne dans **Mon compte** > **Activer ma SIM**, puis éteignez le téléphone, retirez la SIM, remettez-la et rallumez.",
  },
  {
    id: 2, slug: 'activer-ma-carte-sim', locale: 'en', categoryId: 1, createdAt: CREATED,
    title: 'Activating my SIM card',
    summary: 'SIM received but still not active?',
    bodyMd: 'Activation usually takes 2 to 4 hours, sometimes up to 24.\n\nActivate the line under **My account** > **Activate my SIM**, then switch the phone off, take the SIM out, put it back and restart.',
  },
  {
    id: 3, slug: 'comprendre-ma-facture', locale: 'fr', categoryId: 2, createdAt: CREATED,
    title: 'Comprendre ma facture',
    summary: 'Facture plus élevée que prévu ce mois-ci ?',
    bodyMd: 'Votre première facture compte le mois entamé **au prorata** en plus du mois à venir.\n\nLe détail des consommations hors forfait est dans **Mon compte** > **Factures**.',
  },
  {
    id: 4, slug: 'comprendre-ma-facture', locale: 'en', categoryId: 2, createdAt: CREATED,
    title: 'Understanding my bill',
    summary: 'Bill higher than expected this month?',
    bodyMd: 'Your first bill charges the started month **pro rata** on top of the coming month.\n\nCharges outside your plan are listed under **My account** > **Bills**.',
  },
  {
    id: 5, slug: 'messagerie-vocale', locale: 'fr', categoryId: 3, createdAt: CREATED,
    title: 'Messagerie vocale',
    summary: 'Messagerie vocale muette après une portabilité ?',
    bodyMd: 'Après une portabilité, la messagerie se réactive en composant le **888** depuis votre mobile.\n\nSi le répondeur reste muet, réinitialisez le code de messagerie dans **Mon compte**.',
  },
  {
    id: 6, slug: 'messagerie-vocale', locale: 'en', categoryId: 3, createdAt: CREATED,
    title: 'Voicemail',
    summary: 'Voicemail not working after porting your number?',
    bodyMd: 'After porting, voicemail comes back when you call **888** from your mobile.\n\nIf it stays silent, reset your voicemail code under **My account**.',
  },
  {
    id: 7, slug: 'incidents-reseau', locale: 'fr', categoryId: 4, createdAt: CREATED,
    title: 'Incidents réseau',
    summary: 'Plus de réseau ni de 4G dans votre ville ?',
    bodyMd: 'Consultez la carte des incidents en cours avant tout réglage.\n\nSi aucun incident n’est signalé, réinitialisez les **paramètres réseau** du téléphone : une mise à jour remet parfois le mode « 3G seulement ».',
  },
  {
    id: 8, slug: 'incidents-reseau', locale: 'en', categoryId: 4, createdAt: CREATED,
    title: 'Network incidents',
    summary: 'No signal or no 4G where you live?',
    bodyMd: 'Check the map of current incidents before changing any setting.\n\nIf none is reported, reset the phone’s **network settings**: an update sometimes switches it to “3G only”.',
  },
];
