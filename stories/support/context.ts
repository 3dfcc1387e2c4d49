/**
 * Standalone elements read the client, session and locale from `<entraide-forum>` through
 * `@lit/context`. Stories of single elements get the same from a plain host element, built
 * on the mock community of the story's loader.
 */
import { ContextProvider } from '@lit/context';
import { render, type TemplateResult } from 'lit';
import { clientContext, sessionContext, type SessionState } from '../../src/components/internal/context.ts';
import { createEntraideClient } from '../../src/sdk/index.ts';
import type { MockApi } from './mock-api.ts';

/** Renders `template` inside a host that provides a fresh client and the story's session. */
export function withSession(api: MockApi | undefined, template: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  const client = createEntraideClient({ baseUrl: '/api', token: api?.token });
  const session: SessionState = api?.member ? { member: api.member, token: api.token } : { member: null };
  new ContextProvider(host, { context: clientContext, initialValue: client });
  new ContextProvider(host, { context: sessionContext, initialValue: session });
  render(template, host);
  return host;
}
