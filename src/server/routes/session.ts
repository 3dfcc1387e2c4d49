import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '../../contract/index.ts';
import { ApiError, type Role } from '../../core/index.ts';
import { signToken } from '../auth.ts';
import { notFound } from '../../domain/errors.ts';
import { findAuthor } from '../../domain/repo/members.ts';
import type { AppContext } from '../app.ts';

const DEMO_TOKEN_TTL_SECONDS = 8 * 3600;

/** The demo sign-in (registered only in demo mode): the token it mints is the server's. */
export const sessionRoutes = (ctx: AppContext): FastifyPluginAsync => async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  if (!ctx.config.demo) return;
  const secret = ctx.auth.secret;
  if (!secret) throw new Error('demo mode needs a JWT secret');

  app.route({
    ...routes.demoSignIn,
    config: { public: true },
    handler: async (request) => {
      const [member] = await ctx.db.query<{ external_id: string; pseudonym: string; role: Role; region: string | null }>(
        `select external_id, pseudonym, role, region from members where id = $1 and community_id = $2 and external_id like 'demo:%'`,
        [request.body.memberId, ctx.community.id],
      );
      if (!member) throw notFound(`Demo member ${request.body.memberId}`);
      const author = await findAuthor(ctx.db, request.body.memberId, ctx.community.ladder);
      if (!author) throw new ApiError('internal', 'The demo member vanished.');
      const { token, expiresAt } = await signToken(
        secret,
        // Demo members get an address no mail can reach (RFC 2606), so a demo with SMTP shows the e-mails in its relay.
        { sub: member.external_id, name: member.pseudonym, role: member.role, region: member.region ?? undefined, email: `member-${request.body.memberId}@demo.entraide.invalid` },
        { ttlSeconds: DEMO_TOKEN_TTL_SECONDS, issuer: ctx.auth.issuer, audience: ctx.auth.audience },
      );
      return { token, expiresAt: expiresAt.toISOString(), member: author };
    },
  });
};
