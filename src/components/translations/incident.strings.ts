import type { ChunkStrings } from './translation.ts';

/** French typography puts a no-break space before the colon. */
const NBSP = '\u00a0';

/** Strings of `<entraide-incident-banner>` (its own chunk). */
export const incidentStrings: ChunkStrings<'incident'> = {
  fr: {
    incident: {
      label: 'Incidents en cours',
      status: { investigating: 'Analyse en cours', identified: 'Cause identifiée', monitoring: 'Sous surveillance', resolved: 'Résolu' },
      updated: (when) => `Mis à jour ${when}`,
      region: (name) => `Zone concernée${NBSP}: ${name}`,
      showDetails: 'Voir le détail',
      hideDetails: 'Masquer le détail',
      history: 'Suivi de l’incident',
      noUpdates: 'Pas encore de mise à jour.',
      dismiss: (title) => `Masquer l’incident «${NBSP}${title}${NBSP}»`,
      dismissed: 'Bandeau masqué : il reviendra à la prochaine mise à jour de l’incident.',
    },
  },
  en: {
    incident: {
      label: 'Ongoing incidents',
      status: { investigating: 'Investigating', identified: 'Cause identified', monitoring: 'Monitoring', resolved: 'Resolved' },
      updated: (when) => `Updated ${when}`,
      region: (name) => `Affected area: ${name}`,
      showDetails: 'Show details',
      hideDetails: 'Hide details',
      history: 'Incident updates',
      noUpdates: 'No update yet.',
      dismiss: (title) => `Hide the incident “${title}”`,
      dismissed: 'Banner hidden: it comes back at the incident’s next update.',
    },
  },
};
