/** The rows of the authorization matrix: how to call each route, and who may. */
import type { InjectOptions } from 'fastify';
import type { RouteName } from '../../../src/contract/routes.ts';
import type { TestServer } from '../../helpers/server.ts';
import { moderationRows } from './authorization.moderation.ts';
import { interactionsRows } from './authorization.interactions.ts';
import { knowledgeRows } from './authorization.knowledge.ts';
import { reviewRows } from './authorization.review.ts';
import { workspaceRows } from './authorization.workspace.ts';
import { notifyRows } from './authorization.notify.ts';
import { adminRows } from './authorization.admin.ts';
import { webhooksRows } from './authorization.webhooks.ts';
import { preferencesRows } from './authorization.preferences.ts';

export interface Fixture {
  server: TestServer;
  threadId: number;
  categoryId: number;
}

type Outcome = 'allowed' | 'sign-in' | 'forbidden' | 'hidden';
type Who = 'guest' | 'asker' | 'otherMember' | 'advisor' | 'moderator' | 'admin';
/** Who every row names; `admin` defaults to the moderator's outcome. */
type Named = Exclude<Who, 'admin'>;

export interface Row {
  request: (fixture: Fixture, who: Who) => InjectOptions | Promise<InjectOptions>;
  expect: Record<Named, Outcome> & { admin?: Outcome };
  /** Roles for whom a 404 means "not yours to see" (private things). */
  hidden?: Who[];
}

const everyone: Record<Named, Outcome> = { guest: 'allowed', asker: 'allowed', otherMember: 'allowed', advisor: 'allowed', moderator: 'allowed' };
const members: Record<Named, Outcome> = { ...everyone, guest: 'sign-in' };
const staff: Record<Named, Outcome> = { guest: 'sign-in', asker: 'forbidden', otherMember: 'forbidden', advisor: 'allowed', moderator: 'allowed' };

let counter = 0;
const unique = (text: string) => `${text} ${(counter += 1)}`;

export function matrixRows(): Partial<Record<RouteName, Row>> {
  return {
    health: { request: () => ({ url: '/api/health' }), expect: everyone },
    ready: { request: () => ({ url: '/api/ready' }), expect: everyone },
    getCommunity: { request: () => ({ url: '/api/community' }), expect: everyone },
    listThreads: { request: (f) => ({ url: `/api/threads?categoryId=${f.categoryId}` }), expect: everyone },
    getThread: { request: (f) => ({ url: `/api/threads/${f.threadId}` }), expect: everyone },
    listThreadPosts: {
      request: async (f) => {
        const [question] = await f.server.db.query<{ id: number }>(`select id from posts where thread_id = $1 order by id limit 1`, [f.threadId]);
        return { url: `/api/threads/${f.threadId}/posts?cursor=${Buffer.from(`p:${question!.id}`).toString('base64url')}` };
      },
      expect: everyone,
    },
    getCategoryViewer: { request: (f) => ({ url: `/api/categories/${f.categoryId}/viewer?threads=${f.threadId}` }), expect: everyone },
    getThreadViewer: {
      request: async (f) => {
        const [question] = await f.server.db.query<{ id: number }>(`select id from posts where thread_id = $1 order by id limit 1`, [f.threadId]);
        return { url: `/api/threads/${f.threadId}/viewer?posts=${question!.id}` };
      },
      expect: everyone,
    },
    createThread: {
      request: (f) => ({ method: 'POST', url: '/api/threads', payload: { categoryId: f.categoryId, title: unique('Question de test'), body: 'Bonjour, une question.' } }),
      expect: members,
    },
    replyToThread: { request: (f) => ({ method: 'POST', url: `/api/threads/${f.threadId}/posts`, payload: { body: unique('Une réponse') } }), expect: members },
    previewMarkdown: { request: () => ({ method: 'POST', url: '/api/preview', payload: { body: 'Un **aperçu**.' } }), expect: members },
    getMember: { request: (f) => ({ url: `/api/members/${f.server.fixtures.members.helper.id}` }), expect: everyone },
    listMemberThreads: { request: (f) => ({ url: `/api/members/${f.server.fixtures.members.asker.id}/threads` }), expect: everyone },
    listMemberAnswers: { request: (f) => ({ url: `/api/members/${f.server.fixtures.members.helper.id}/answers` }), expect: everyone },
    getSession: { request: () => ({ url: '/api/session' }), expect: everyone },
    listDemoMembers: { request: () => ({ url: '/api/demo/members' }), expect: everyone },
    demoSignIn: { request: (f) => ({ method: 'POST', url: '/api/demo/sign-in', payload: { memberId: f.server.fixtures.members.helper.id } }), expect: everyone },
    // payloadAsStream: inject returns once the stream's headers are out.
    events: { request: (f) => ({ url: `/api/events?threadId=${f.threadId}`, payloadAsStream: true }), expect: everyone },
    // Advisor area: triage is advisors only; the queue and metrics are staff; banners are public.
    markThreadUrgent: { request: (f) => ({ method: 'POST', url: `/api/threads/${f.threadId}/urgent`, payload: {} }), expect: { ...staff, moderator: 'forbidden' } },
    getAdvisorQueue: { request: () => ({ url: '/api/agent/queue' }), expect: staff },
    getExperts: { request: (f) => ({ url: `/api/agent/experts?threadId=${f.threadId}` }), expect: { ...staff, moderator: 'forbidden' } },
    getCollectiveAlerts: { request: () => ({ url: '/api/agent/alerts' }), expect: { ...staff, moderator: 'forbidden' } },
    createIncident: {
      request: () => ({ method: 'POST', url: '/api/incidents', payload: { title: unique('Panne'), bannerText: 'Panne en cours.', threadIds: [] } }),
      expect: { ...staff, moderator: 'forbidden' },
    },
    addIncidentUpdate: {
      request: async (f) => {
        const [row] = await f.server.db.query<{ id: number }>(
          `insert into incidents (community_id, title, banner_text, created_by) values ($1, 'Panne', 'Panne en cours.', $2) returning id`,
          [f.server.fixtures.communityId, f.server.fixtures.members.advisor.id],
        );
        return { method: 'POST', url: `/api/incidents/${row!.id}/updates`, payload: { text: 'On avance.', status: 'identified' } };
      },
      expect: { ...staff, moderator: 'forbidden' },
    },
    listIncidents: { request: () => ({ url: '/api/incidents?active=true' }), expect: everyone },
    getIncident: {
      request: async (f) => {
        const [row] = await f.server.db.query<{ id: number }>(
          `insert into incidents (community_id, title, banner_text, created_by) values ($1, 'Panne', 'Panne en cours.', $2) returning id`,
          [f.server.fixtures.communityId, f.server.fixtures.members.advisor.id],
        );
        return { url: `/api/incidents/${row!.id}` };
      },
      expect: everyone,
    },
    getIncidentBanner: { request: (f) => ({ url: `/api/incident-banner?threadId=${f.threadId}` }), expect: everyone },
    // A banner is dismissed on the server by signed-in readers; a guest's browser keeps theirs.
    dismissIncident: {
      request: async (f) => {
        const [row] = await f.server.db.query<{ id: number }>(
          `insert into incidents (community_id, title, banner_text, created_by) values ($1, 'Panne', 'Panne en cours.', $2) returning id`,
          [f.server.fixtures.communityId, f.server.fixtures.members.advisor.id],
        );
        return { method: 'PUT', url: `/api/incidents/${row!.id}/dismissal` };
      },
      expect: members,
    },
    getMetrics: { request: () => ({ url: '/api/metrics' }), expect: staff },
    ...moderationRows(),
    ...interactionsRows(),
    ...knowledgeRows(),
    ...reviewRows(),
    ...workspaceRows(),
    ...notifyRows(),
    ...adminRows(),
    ...webhooksRows(),
    ...preferencesRows(),
  };
}
