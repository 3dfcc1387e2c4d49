import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
import { EntraideAdmin } from '../../src/components/admin/admin.ts';
import { EntraideAdminCategories } from '../../src/components/admin-categories/admin-categories.ts';
import { EntraideAdminCommunity } from '../../src/components/admin-community/admin-community.ts';
import { EntraideAdminRanks } from '../../src/components/admin-ranks/admin-ranks.ts';
import { EntraideAdminTeam } from '../../src/components/admin-team/admin-team.ts';
import { EntraideAdminTrusted } from '../../src/components/admin-trusted/admin-trusted.ts';
import { EntraideAdminWebhooks } from '../../src/components/admin-webhooks/admin-webhooks.ts';
import { EntraideAdvisorComposer } from '../../src/components/advisor-composer/advisor-composer.ts';
import { EntraideAdvisorAudit } from '../../src/components/advisor-tools/advisor-audit.ts';
import { EntraideAdvisorConfirm } from '../../src/components/advisor-tools/advisor-confirm.ts';
import { EntraideAdvisorFlags } from '../../src/components/advisor-tools/advisor-flags.ts';
import { EntraideAdvisorModeration } from '../../src/components/advisor-tools/advisor-moderation.ts';
import { EntraideAdvisorNotes } from '../../src/components/advisor-tools/advisor-notes.ts';
import { EntraideAdvisorPrivate } from '../../src/components/advisor-tools/advisor-private.ts';
import { EntraideAdvisorThreadPicker } from '../../src/components/advisor-tools/advisor-thread-picker.ts';
import { EntraideAdvisorTools } from '../../src/components/advisor-tools/advisor-tools.ts';
import { EntraideAgentConsole } from '../../src/components/agent-console/agent-console.ts';
import { EntraideAgentIncidents } from '../../src/components/agent-incidents/agent-incidents.ts';
import { EntraideAgentMetrics } from '../../src/components/agent-metrics/agent-metrics.ts';
import { EntraideAgentQuality } from '../../src/components/agent-quality/agent-quality.ts';
import { EntraideAgentQueue } from '../../src/components/agent-queue/agent-queue.ts';
import { EntraideAgentReviews } from '../../src/components/agent-reviews/agent-reviews.ts';
import { EntraideAgentTeam } from '../../src/components/agent-team/agent-team.ts';
import { EntraideCommunityReply } from '../../src/components/community-reply/community-reply.ts';
import { EntraideComposer } from '../../src/components/composer/composer.ts';
import { EntraideFaqLink } from '../../src/components/faq-link/faq-link.ts';
import { EntraideIncidentBanner } from '../../src/components/incident-banner/incident-banner.ts';
import { EntraideNotifications } from '../../src/components/notifications/notifications.ts';
import { EntraideFlagFormElement } from '../../src/components/post-actions/flag-form.ts';
import { EntraidePostActions } from '../../src/components/post-actions/post-actions.ts';
import { EntraideSameProblem } from '../../src/components/same-problem/same-problem.ts';
import { EntraideSearch } from '../../src/components/search/search.ts';
import * as elements from '../../src/components/index.ts';

/** The elements the entry registers, plus those it loads on demand (lazy chunks). */
const LAZY = [
  EntraideAdmin, EntraideAdminCategories, EntraideAdminCommunity, EntraideAdminRanks, EntraideAdminTeam, EntraideAdminTrusted, EntraideAdminWebhooks, EntraideAdvisorAudit, EntraideAdvisorComposer, EntraideAdvisorConfirm, EntraideAdvisorFlags, EntraideAdvisorModeration, EntraideAdvisorNotes, EntraideAdvisorPrivate, EntraideAdvisorThreadPicker, EntraideAdvisorTools, EntraideAgentConsole, EntraideAgentIncidents, EntraideAgentMetrics, EntraideAgentQuality, EntraideAgentQueue, EntraideAgentReviews, EntraideAgentTeam, EntraideCommunityReply, EntraideComposer, EntraideFaqLink, EntraideFlagFormElement, EntraideIncidentBanner, EntraideNotifications, EntraidePostActions, EntraideSameProblem, EntraideSearch,
];
const classes = [...Object.values(elements), ...LAZY].filter(
  (value): value is typeof elements.EntraideElement => typeof value === 'function' && value.prototype instanceof elements.EntraideElement,
);

function cssText(group: CSSResultGroup | undefined): string {
  if (!group) return '';
  if (Array.isArray(group)) return group.map((item) => cssText(item)).join('\n');
  return (group as CSSResult).cssText ?? '';
}

const names = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((match) => match[1]!));
const defined = (text: string) => names(text, /(--_[\w-]+)\s*:/g);
const used = (text: string) => names(text, /var\(\s*(--_[\w-]+)/g);

describe('element styles', () => {
  it('covers every element class', () => {
    expect(classes.map((c) => c.name).sort()).to.deep.equal([
      'EntraideAdmin', 'EntraideAdminCategories', 'EntraideAdminCommunity', 'EntraideAdminRanks', 'EntraideAdminTeam', 'EntraideAdminTrusted', 'EntraideAdminWebhooks', 'EntraideAdvisorAudit', 'EntraideAdvisorComposer', 'EntraideAdvisorConfirm', 'EntraideAdvisorFlags', 'EntraideAdvisorModeration',
      'EntraideAdvisorNotes', 'EntraideAdvisorPrivate', 'EntraideAdvisorThreadPicker', 'EntraideAdvisorTools', 'EntraideAgentConsole',
      'EntraideAgentIncidents', 'EntraideAgentMetrics', 'EntraideAgentQuality', 'EntraideAgentQueue', 'EntraideAgentReviews', 'EntraideAgentTeam', 'EntraideCategoryList',
      'EntraideCommunityReply', 'EntraideComposer', 'EntraideFaqLink', 'EntraideFlagFormElement', 'EntraideForum', 'EntraideIncidentBanner',
      'EntraideNotifications', 'EntraidePost', 'EntraidePostActions', 'EntraidePostHeader', 'EntraideRankBadge', 'EntraideSameProblem',
      'EntraideSearch', 'EntraideThread', 'EntraideThreadList',
    ]);
  });

  it('defines every private --_ property an element uses', () => {
    for (const element of classes) {
      const text = cssText(element.styles);
      const missing = [...used(text)].filter((name) => !defined(text).has(name));
      expect(missing, `${element.name} uses undefined ${missing.join(', ')}`).to.deep.equal([]);
    }
  });

  it('uses every private --_ property it defines somewhere', () => {
    const all = classes.map((element) => cssText(element.styles)).join('\n');
    expect(defined(all).size).to.be.greaterThan(10);
    const unused = [...defined(all)].filter((name) => !used(all).has(name));
    expect(unused).to.deep.equal([]);
  });

  it('maps every private colour to a public --entraide- property', () => {
    const all = classes.map((element) => cssText(element.styles)).join('\n');
    const privateDefinitions = [...all.matchAll(/(--_[\w-]+)\s*:\s*([^;]+);/g)];
    const unmapped = privateDefinitions.filter(([, , value]) => !/var\(--entraide-|var\(--_/.test(value!)).map(([, name]) => name);
    expect(unmapped).to.deep.equal([]);
  });
});
