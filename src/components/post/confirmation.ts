/**
 * The credits block of an advisor's confirmation (study §32–33): the community answers it cites,
 * its FAQ articles and the colleagues who helped. Drawn by `<entraide-post>` once the
 * interactions chunk (which brings `<entraide-community-reply>`) is here.
 */
import { html, nothing } from 'lit';
import type { Post, ThreadSummary } from '../../sdk/types.ts';
import type { Links } from '../internal/router.ts';
import type { Translation } from '../translations/translation.ts';

interface PostContext {
  /** The thread's posts, where the cited answers are found. */
  posts: readonly Post[];
  thread: ThreadSummary | null;
  links: Links;
}

export function renderConfirmation(t: Translation, post: Post, { posts, thread, links }: PostContext) {
  const confirmation = post.confirmation;
  if (!confirmation) return nothing;
  return html`
    <aside class="credits" part="credits" aria-label=${t.confirmsAnswersOf}>
      <p>${t.confirmsAnswersOf}</p>
      ${confirmation.cited.map((cited) => html`
        <entraide-community-reply part="credit" excerpt .post=${posts.find((p) => p.id === cited.postId) ?? null} .author=${cited.author}
          post-id=${cited.postId} thread-id=${post.threadId} ?accepted=${thread?.acceptedPostId === cited.postId}
          confirmed-by=${post.author.pseudonym}></entraide-community-reply>
      `)}
      ${confirmation.faqLinks.length
        ? html`<p>${t.faqArticles} : ${confirmation.faqLinks.map((link, index) => html`${index ? ', ' : ''}<a part="faq-link" href=${links.href({ name: 'faq', slug: link.slug })}>${link.title}</a>`)}</p>`
        : nothing}
      ${confirmation.assistedBy.length ? html`<p>${t.assistedBy} ${confirmation.assistedBy.map((a) => a.pseudonym).join(', ')}</p>` : nothing}
    </aside>
  `;
}
