/**
 * The reader's own state on a post (`viewer`: their kudos and report, their source to edit),
 * whichever way it came. The public stream carries nobody's state, so the reader's own post
 * arriving live (written in another tab) has no source to edit it from: it is asked of the
 * server. Others' new posts need nothing: the reader has not acted on them yet, so no state is
 * the right one.
 */
import type { ReactiveControllerHost } from 'lit';
import type { EntraideClient } from '../../sdk/index.ts';
import type { Post, PostViewer } from '../../sdk/types.ts';
import type { SessionState } from '../internal/context.ts';

interface Host extends ReactiveControllerHost {
  client: EntraideClient;
  post: Post | null;
  session: SessionState;
}

export class OwnState {
  readonly #host: Host;
  /** The reader the state is for (null before the first update). */
  #readerId: number | undefined | null = null;
  #fetched: PostViewer | undefined;
  #arrived = false;

  constructor(host: Host) {
    this.#host = host;
  }

  /**
   * From the host's `willUpdate`: the post with the reader's own state, and whether what the
   * host shows of it starts over. A live edit (same viewer) keeps what the reader did since; a
   * new viewer (a read after signing in), another post or reader, or the server's answer start over.
   */
  sync(postChanged: boolean, previous: Post | null | undefined): { post: Post | null; fresh: boolean } {
    const { post } = this.#host;
    const readerId = this.#host.session.member?.id;
    const another = postChanged && previous?.id !== post?.id;
    const newReader = readerId !== this.#readerId;
    this.#readerId = readerId;
    if (another || newReader) this.#ask(post, readerId);
    const fresh = another || newReader || (postChanged && previous?.viewer !== post?.viewer) || this.#arrived;
    this.#arrived = false;
    return { post: post && !post.viewer && this.#fetched ? { ...post, viewer: this.#fetched } : post, fresh };
  }

  #ask(post: Post | null, readerId: number | undefined): void {
    this.#fetched = undefined;
    if (!post || post.viewer || post.deleted || readerId === undefined || post.author.id !== readerId) return;
    this.#host.client.posts.get(post.id).then(({ viewer }) => {
      // Too late for another post or reader.
      if (!viewer || this.#host.post?.id !== post.id || this.#host.session.member?.id !== readerId) return;
      this.#fetched = viewer;
      this.#arrived = true;
      this.#host.requestUpdate();
    }, () => undefined); // The actions stay as for a post without own state: editing waits for the next read.
  }
}
