/**
 * The forum's pages about people and the FAQ, one lazy chunk (one loader costs the read path
 * less than two): a member's profile and an FAQ article's page.
 */
import '../profile/profile.ts';
import '../faq-article/faq-article.ts';
