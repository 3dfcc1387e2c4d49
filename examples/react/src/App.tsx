import { useRef, useEffect, useState, type CSSProperties } from 'react';
// One React component per Entraide element (and importing it registers the elements).
import { EntraideForum } from 'entraide/react';
import type { EntraideForum as ForumElement, EntraideSignInRequestedEvent } from 'entraide';

/** Your site's sign-in: here a call to your back end, which mints the Entraide token (see ../brand-backend). */
async function fetchEntraideToken(): Promise<string | undefined> {
  const response = await fetch('/entraide-token', { credentials: 'same-origin' });
  if (!response.ok) return undefined;
  const { token } = (await response.json()) as { token: string };
  return token;
}

export function App() {
  const forum = useRef<ForumElement>(null);
  const [locale, setLocale] = useState<'fr' | 'en'>('fr');
  const [needsSignIn, setNeedsSignIn] = useState(false);

  // Already signed in on your site? Then on the forum too.
  useEffect(() => {
    void fetchEntraideToken().then((token) => {
      if (token) void forum.current?.setToken(token);
    });
  }, []);

  // A typed event prop: `event` is an EntraideSignInRequestedEvent.
  const onSignInRequested = (event: EntraideSignInRequestedEvent) => {
    event.preventDefault(); // "the page handles it"
    void fetchEntraideToken().then((token) => {
      if (token) void forum.current?.setToken(token);
      else setNeedsSignIn(true); // open your own sign-in form here
    });
  };

  return (
    <main style={{ maxWidth: '52rem', margin: '0 auto' }}>
      <button type="button" onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}>
        {locale === 'fr' ? 'English' : 'Français'}
      </button>
      {needsSignIn && <p role="status">Sign in on our site first.</p>}
      <EntraideForum ref={forum} api="/api" locale={locale} onEntraideSignInRequested={onSignInRequested} style={{ '--entraide-color-accent': '#a4005b' } as CSSProperties} />
    </main>
  );
}
