import { useEffect, useRef, useState, type CSSProperties } from 'react';
// Registers every Entraide element (once, even if imported again).
import 'entraide';
import type { EntraideForum } from 'entraide';

/** Your site's sign-in: here a call to your back end, which mints the Entraide token (see ../brand-backend). */
async function fetchEntraideToken(): Promise<string | undefined> {
  const response = await fetch('/entraide-token', { credentials: 'same-origin' });
  if (!response.ok) return undefined;
  const { token } = (await response.json()) as { token: string };
  return token;
}

export function App() {
  const forum = useRef<EntraideForum>(null);
  const [locale, setLocale] = useState<'fr' | 'en'>('fr');
  const [needsSignIn, setNeedsSignIn] = useState(false);

  useEffect(() => {
    const element = forum.current;
    if (!element) return;
    // Hyphenated custom events are not React props: listen on the element through the ref.
    const onSignInRequested = (event: Event) => {
      event.preventDefault(); // "the page handles it"
      void fetchEntraideToken().then((token) => {
        if (token) void element.setToken(token);
        else setNeedsSignIn(true); // open your own sign-in form here
      });
    };
    element.addEventListener('entraide-sign-in-requested', onSignInRequested);
    // Already signed in on your site? Then on the forum too.
    void fetchEntraideToken().then((token) => token && element.setToken(token));
    return () => element.removeEventListener('entraide-sign-in-requested', onSignInRequested);
  }, []);

  return (
    <main style={{ maxWidth: '52rem', margin: '0 auto' }}>
      <button type="button" onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}>
        {locale === 'fr' ? 'English' : 'Français'}
      </button>
      {needsSignIn && <p role="status">Sign in on our site first.</p>}
      <entraide-forum ref={forum} api="/api" locale={locale} style={{ '--entraide-color-accent': '#a4005b' } as CSSProperties} />
    </main>
  );
}
