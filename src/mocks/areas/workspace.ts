/**
 * Mocks of the "workspace" area (src/contract/areas/workspace.ts). Only the staff notes of a
 * thread so far, copied from the server's `routes/areas/workspace.ts` and
 * `services/workspace.ts`: the role is checked before the thread is looked up (a member learns
 * nothing from a 404), notes are markdown rendered by the server, oldest first.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import type { StaffNote, StaffNoteList } from '../../contract/areas/workspace.ts';
import { guardian, LIMITS, type Actor } from '../../core/index.ts';
import { param, positiveInt, readBody, requireMember, type MockContext } from '../http.ts';
import { renderBody } from '../render.ts';
import { MockApiError, type MockStore } from '../store.ts';
import { notFound, text } from './moderation.ts';

type Member = Extract<Actor, { memberId: number }>;

const NOTE_MAX = 5000;

interface NoteRecord {
  id: number;
  threadId: number;
  authorId: number;
  bodyHtml: string;
  createdAt: string;
}

function requireRole(member: Member, allowed: (actor: Actor) => boolean, what: string): Member {
  if (!allowed(member)) throw new MockApiError(403, 'forbidden', `Only ${what}.`);
  return member;
}

/** Staff-only notes of one mocked community. */
export class StaffNotesState {
  readonly #store: MockStore;
  readonly #notes: NoteRecord[] = [];

  constructor(store: MockStore) {
    this.#store = store;
  }

  list(member: Member, threadId: number): StaffNoteList {
    requireRole(member, (actor) => guardian(actor).workspace.canSeeStaffNotes(), 'advisors and moderators may read staff notes');
    this.#requireThread(threadId);
    return { items: this.#notes.filter((n) => n.threadId === threadId).map((n) => this.#view(n)) };
  }

  add(member: Member, threadId: number, body: string): StaffNote {
    requireRole(member, (actor) => guardian(actor).workspace.canWriteStaffNotes(), 'advisors and moderators may write staff notes');
    const markdown = body.trim();
    if (markdown.length < LIMITS.bodyMin) {
      throw new MockApiError(400, 'validation_failed', `body needs at least ${LIMITS.bodyMin} characters that are not spaces.`, [{ in: 'body', path: '/body', message: 'too short' }]);
    }
    this.#requireThread(threadId);
    const note: NoteRecord = { id: this.#notes.length + 1, threadId, authorId: member.memberId, bodyHtml: renderBody(markdown), createdAt: this.#store.now().toISOString() };
    this.#notes.push(note);
    return this.#view(note);
  }

  #requireThread(threadId: number): void {
    if (!this.#store.threadRecords().some((t) => t.id === threadId)) throw notFound(`Thread ${threadId}`);
  }

  #view({ authorId, ...note }: NoteRecord): StaffNote {
    return { ...note, author: this.#store.author(authorId) };
  }
}

export function workspaceHandlers({ store, route }: MockContext): HttpHandler[] {
  const notes = new StaffNotesState(store);
  const threadIdOf = (params: Record<string, unknown>) => positiveInt(param(params.threadId as string | undefined), 'threadId');
  return [
    route('listStaffNotes', ({ request, params }) => {
      const threadId = threadIdOf(params);
      return HttpResponse.json(notes.list(requireMember(store, request), threadId));
    }),
    route('addStaffNote', async ({ request, params }) => {
      const threadId = threadIdOf(params);
      const body = text(await readBody(request, { body: 'string' }, ['body']), 'body', 1, NOTE_MAX)!;
      return HttpResponse.json(notes.add(requireMember(store, request), threadId, body), { status: 201 });
    }),
  ];
}
