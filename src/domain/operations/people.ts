/** The "people" area (see src/contract/areas/people.ts): a member's public profile lists, for every reader. */
import { notFound } from '../errors.ts';
import { memberExists } from '../repo/members.ts';
import { BadProfileCursorError, memberAnswers, memberThreads } from '../repo/people.ts';
import { unknownCursor } from './forum.ts';
import type { Operations } from './operation.ts';

/** Runs a profile read: an unknown member is a 404, a cursor this server never gave a 400. */
async function profileRead<T>(found: boolean, memberId: number, read: () => Promise<T>): Promise<T> {
  if (!found) throw notFound(`Member ${memberId}`);
  try {
    return await read();
  } catch (error) {
    if (error instanceof BadProfileCursorError) throw unknownCursor();
    throw error;
  }
}

export const peopleOperations: Operations<'listMemberThreads' | 'listMemberAnswers'> = {
  listMemberThreads: {
    public: true,
    run: async ({ db, community }, { params: { memberId }, query }) =>
      profileRead(await memberExists(db, community.id, memberId), memberId, () => memberThreads(db, community, memberId, { cursor: query.cursor, limit: query.limit ?? 10 })),
  },
  listMemberAnswers: {
    public: true,
    run: async ({ db, community }, { params: { memberId }, query }) =>
      profileRead(await memberExists(db, community.id, memberId), memberId, () => memberAnswers(db, community, memberId, { cursor: query.cursor, limit: query.limit ?? 10 })),
  },
};
