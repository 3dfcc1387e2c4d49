/**
 * The study's Examples 1 and 2 (§22, §32–33), re-enacted with invented names: a beginner asks
 * how to change plan, a top-ranked member answers six minutes later, a second member adds to
 * it, and after the holdback the commercial advisor greets everyone, addresses the asker,
 * confirms and credits both helpers, and links the FAQ article.
 */
import type { Cast } from './people.ts';
import type { Planner, PlannedPost, PlannedThread } from './plan.ts';
import { FAQ_BASE } from './content.ts';
import { HOUR, MINUTE } from './random.ts';

export const CHANGE_PLAN_TITLE = 'Changer de forfait : comment faire ?';

export function planChangePlanExample(planner: Planner, cast: Cast, now: number): PlannedThread {
  const { asker, topHelper, secondHelper, commercialAdvisor } = cast;
  const askedAt = now - 5 * HOUR - 12 * MINUTE;
  const script: { author: typeof asker; at: number; kudos: number; bodyMd: string }[] = [
    {
      author: asker, at: askedAt, kudos: 0,
      bodyMd:
        "Bonjour,\n\nJe suis chez Volta depuis trois mois avec le forfait **Volta 20 Go** et il ne me suffit plus. " +
        "Je voudrais passer au **Volta 80 Go**. Comment est-ce qu'on change de forfait ? Est-ce qu'il y a des frais ou un engagement ?\n\nMerci d'avance !",
    },
    {
      author: topHelper, at: askedAt + 6 * MINUTE, kudos: 4,
      bodyMd:
        `Bonjour @${asker.pseudonym},\n\nTu peux le faire toi-même en deux minutes depuis ton espace client :\n\n` +
        '1. Connecte-toi à **Mon compte** (site ou appli Volta) ;\n2. Va dans **Mon forfait** > **Changer de forfait** ;\n' +
        "3. Choisis le **Volta 80 Go** et valide.\n\nC'est gratuit et sans engagement. Vers un forfait supérieur, le changement est immédiat " +
        'et le mois en cours est calculé au prorata sur ta prochaine facture.',
    },
    {
      author: secondHelper, at: askedAt + 27 * MINUTE, kudos: 2,
      bodyMd:
        `Bonjour,\n\nJe confirme ce qu'a dit @${topHelper.pseudonym}, je l'ai fait le mois dernier sans souci. ` +
        'Petite précision : si tu as une **option** en cours (pass data, option international), vérifie après le changement ' +
        "qu'elle est toujours active, certaines sont déjà incluses dans le forfait supérieur.",
    },
    {
      author: commercialAdvisor, at: askedAt + 3 * HOUR + 24 * MINUTE, kudos: 1,
      bodyMd:
        `Bonjour à tous,\n\n@${asker.pseudonym}\n\nJe confirme ce qu'ont dit @${topHelper.pseudonym} et @${secondHelper.pseudonym}, merci à eux : ` +
        'le changement de forfait se fait en quelques clics depuis votre espace client, sans frais ni engagement.\n\n' +
        `Pour la prochaine fois, toutes les étapes sont détaillées dans notre FAQ : [Changer de forfait](${FAQ_BASE}changer-de-forfait).\n\nBonne journée !`,
    },
  ];
  const posts: PlannedPost[] = script.map((line, index) => {
    if (!planner.charge(line.author, { kudos: line.kudos, accepted: false, at: line.at })) {
      throw new Error(`the example's ${line.author.pseudonym} cannot post without changing rank`);
    }
    return {
      authorIndex: line.author.index, kind: index === 0 ? 'question' : 'reply', bodyMd: line.bodyMd, kudos: line.kudos, createdAt: new Date(line.at),
    };
  });
  return {
    category: 'activation-forfait', authorIndex: asker.index, title: CHANGE_PLAN_TITLE, locale: 'fr', needsAccount: false, posts, acceptedIndex: null, sameProblemCount: 0,
  };
}
