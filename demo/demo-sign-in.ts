/**
 * The demo brand's own sign-in: the forum asks (`entraide-sign-in-requested`), the page picks a
 * member and hands the token to `forum.setToken()`. A real brand signs the JWT in its back end.
 * DOM built with textContent only: the page runs under Trusted Types.
 */
import { createEntraideClient, type Author } from '../src/sdk/index.ts';
import { startThemeSwitcher } from './demo-theme.ts';

const TOKEN_KEY = 'entraide-demo-token';
const api = createEntraideClient({ baseUrl: '/api' });

type Forum = HTMLElement & { setToken(token?: string): Promise<void>; session?: { member: Author | null } };

const forum = () => document.querySelector<Forum>('entraide-forum');
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function describeMember(member: Author): string {
  const staff: Partial<Record<Author['role'], string>> = { advisor: `Conseiller ${member.team ?? ''}`.trim(), moderator: 'Modérateur', admin: 'Administration' };
  const role = staff[member.role] ?? `Niveau ${member.rank.level}`;
  return `${role} · ${member.rank.name} · ${new Intl.NumberFormat('fr-FR').format(member.postCount)} messages`;
}

async function signIn(memberId: number): Promise<void> {
  const { token, member } = await api.demo.signIn(memberId);
  sessionStorage.setItem(TOKEN_KEY, token);
  await forum()?.setToken(token);
  showSession(member);
}

function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  void forum()?.setToken(undefined);
  showSession(null);
}

function showSession(member: Author | null): void {
  const box = byId('brand-session');
  box.replaceChildren();
  if (!member) return;
  const button = element('button', 'Se déconnecter');
  button.type = 'button';
  button.addEventListener('click', signOut);
  box.append(element('span', member.pseudonym), button);
}

async function openPicker(): Promise<void> {
  const dialog = byId<HTMLDialogElement>('demo-sign-in');
  const list = byId('demo-members');
  const error = byId('demo-error');
  error.textContent = '';
  list.replaceChildren(element('li', 'Chargement…'));
  dialog.showModal();
  try {
    const { items } = await api.demo.members();
    list.replaceChildren(
      ...items.map((member) => {
        const button = element('button');
        button.type = 'button';
        button.dataset.memberId = String(member.id);
        button.append(element('strong', member.pseudonym), element('span', describeMember(member), 'demo-rank'));
        button.addEventListener('click', () => {
          signIn(member.id).then(() => dialog.close(), (failure: Error) => (error.textContent = failure.message));
        });
        return element('li', undefined, undefined).appendChild(button).parentElement!;
      }),
    );
    list.querySelector('button')?.focus();
  } catch (failure) {
    list.replaceChildren();
    error.textContent = `La liste des membres n'a pas pu être chargée : ${(failure as Error).message}`;
  }
}

document.addEventListener('entraide-sign-in-requested', (event) => {
  event.preventDefault();
  void openPicker();
});

// The server no longer accepts the token (a restart draws a new demo secret): the forum reads on
// as a guest and says so; the page forgets the token and its own header stops naming the member.
document.addEventListener('entraide-session-ended', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  showSession(null);
});

async function restore(): Promise<void> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return;
  await customElements.whenDefined('entraide-forum');
  await forum()?.setToken(token);
  const member = forum()?.session?.member ?? null;
  if (!member) sessionStorage.removeItem(TOKEN_KEY);
  showSession(member);
}

void restore();

startThemeSwitcher();
