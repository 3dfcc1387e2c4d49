/**
 * The pages behind an e-mail's unsubscribe link (issue 15). Mail scanners fetch links, so GET
 * only shows what the link would stop, with a button; the button's POST (a plain form, no script
 * under the page's strict policy) unsubscribes and says so. Mail clients' one-click POST is the
 * contract's `unsubscribeEmail` route on the same URL (JSON). Both call the same domain service.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, pickLocale, type Locale } from '../../core/index.ts';
import { escapeHtml } from '../../domain/email/messages.ts';
import { EMAIL_STRINGS } from '../../domain/email/strings.ts';
import { emailLinkKey } from '../../domain/repo/preferences.ts';
import { unsubscribeByToken } from '../../domain/services/preferences.ts';
import { readUnsubscribeToken } from '../../domain/services/unsubscribe-token.ts';
import type { AppContext } from '../app.ts';

const WORDS = {
  fr: {
    title: 'Se désabonner', confirm: 'Se désabonner', done: 'C’est fait : vous ne recevrez plus ces e-mails.',
    bad: 'Ce lien de désabonnement n’est pas valide : il a peut-être été coupé ou modifié. Choisissez vos e-mails dans les préférences du forum.',
    ask: (what: string) => `Ne plus recevoir les e-mails du forum ${what} ?`, all: 'de toutes sortes', about: (kinds: string) => `concernant les ${kinds}`,
  },
  en: {
    title: 'Unsubscribe', confirm: 'Unsubscribe', done: 'Done: you will no longer receive these e-mails.',
    bad: 'This unsubscribe link is not valid: it may have been cut or changed. Choose your e-mails in the forum’s preferences.',
    ask: (what: string) => `Stop receiving the forum’s e-mails ${what}?`, all: 'of every kind', about: (kinds: string) => `about ${kinds}`,
  },
} as const;

function page(locale: Locale, community: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(WORDS[locale].title)} · ${escapeHtml(community)}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style></head>
<body><main><h1>${escapeHtml(community)}</h1>${body}</main></body></html>`;
}

function send(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
}

export const unsubscribePageRoutes = (ctx: AppContext): FastifyPluginAsync => async (app) => {
  const localeOf = (request: FastifyRequest) => pickLocale(request.headers['accept-language'], ctx.community.locale);
  const tokenOf = (request: FastifyRequest) => {
    const token = (request.query as Record<string, unknown>).token;
    return typeof token === 'string' && token.length <= 200 ? token : '';
  };
  // The page's own form: its body says nothing, the token is in the URL.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, {}));

  app.get('/email/unsubscribe', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const locale = localeOf(request);
    const words = WORDS[locale];
    const token = tokenOf(request);
    const named = readUnsubscribeToken(await emailLinkKey(ctx.db, ctx.community.id), token);
    if (!named) return send(reply, 400, page(locale, ctx.community.name, `<p role="alert">${escapeHtml(words.bad)}</p>`));
    const what = named.scope === 'all' ? words.all : words.about(EMAIL_STRINGS[locale].kindNames[named.scope]);
    const action = `unsubscribe/confirm?token=${encodeURIComponent(token)}`;
    return send(reply, 200, page(locale, ctx.community.name,
      `<p>${escapeHtml(words.ask(what))}</p><form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(words.confirm)}</button></form>`));
  });

  app.post('/email/unsubscribe/confirm', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const locale = localeOf(request);
    try {
      await unsubscribeByToken(ctx, { token: tokenOf(request) });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return send(reply, 400, page(locale, ctx.community.name, `<p role="alert">${escapeHtml(WORDS[locale].bad)}</p>`));
    }
    return send(reply, 200, page(locale, ctx.community.name, `<p role="status">${escapeHtml(WORDS[locale].done)}</p>`));
  });
};
