/** Authorization matrix rows of the knowledge area: FAQ and search are public, FAQ writes are staff. */
import type { RouteName } from '../../../src/contract/routes.ts';
import type { Row } from './authorization.rows.ts';

type Who = Parameters<Row['request']>[1];

const everyone: Row['expect'] = { guest: 'allowed', asker: 'allowed', otherMember: 'allowed', advisor: 'allowed', moderator: 'allowed' };
const staff: Row['expect'] = { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'allowed', moderator: 'allowed' };

let counter = 0;
const uniqueSlug = (who: Who) => `matrice-${who.toLowerCase()}-${(counter += 1)}`;

export function knowledgeRows(): Partial<Record<RouteName, Row>> {
  return {
    searchFaq: { request: () => ({ url: '/api/faq?q=forfait' }), expect: everyone },
    getFaqArticle: {
      request: async (f, who) => {
        const slug = uniqueSlug(who);
        await f.server.db.query(
          `insert into faq_articles (community_id, slug, locale, title, body_md, body_html) values ($1, $2, 'fr', 'Article', 'Texte', '<p>Texte</p>')`,
          [f.server.fixtures.communityId, slug],
        );
        return { url: `/api/faq/${slug}` };
      },
      expect: everyone,
    },
    listFaqRelated: {
      request: async (f, who) => {
        const slug = uniqueSlug(who);
        await f.server.db.query(
          `insert into faq_articles (community_id, slug, locale, title, body_md, body_html) values ($1, $2, 'fr', 'Changer de forfait', 'Texte', '<p>Texte</p>')`,
          [f.server.fixtures.communityId, slug],
        );
        return { url: `/api/faq/${slug}/related` };
      },
      expect: everyone,
    },
    suggestFaq: { request: () => ({ method: 'POST', url: '/api/faq/suggest', payload: { text: 'changer de forfait' } }), expect: everyone },
    createFaqArticle: {
      request: (_f, who) => ({ method: 'POST', url: '/api/faq', payload: { slug: uniqueSlug(who), locale: 'fr', title: 'Un article', bodyMd: 'Du texte.' } }),
      expect: staff,
    },
    updateFaqArticle: {
      request: async (f, who) => {
        const [row] = await f.server.db.query<{ id: number }>(
          `insert into faq_articles (community_id, slug, locale, title, body_md, body_html) values ($1, $2, 'fr', 'Article', 'Texte', '<p>Texte</p>') returning id`,
          [f.server.fixtures.communityId, uniqueSlug(who)],
        );
        return { method: 'PUT', url: `/api/faq/${row!.id}`, payload: { title: 'Nouveau titre' } };
      },
      expect: staff,
    },
    searchForum: { request: () => ({ url: '/api/search?q=forfait' }), expect: everyone },
  };
}
