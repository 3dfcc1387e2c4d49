// The brand page's part of the contract: when a reader asks to sign in, the page signs them in
// its own way and hands the forum a token. A real site asks its back end for the token (see
// examples/brand-backend); this page, made to run against a server started with
// ENTRAIDE_DEMO=1, uses the demo sign-in instead, as the first member of the sample community.
await customElements.whenDefined('entraide-forum');
const forum = document.querySelector('entraide-forum');

forum.addEventListener('entraide-sign-in-requested', (event) => {
  // Tell the forum the page handles it (otherwise it shows "sign-in is not available").
  event.preventDefault();
  void signIn();
});

async function signIn() {
  const { items } = await (await fetch('/api/demo/members')).json();
  const response = await fetch('/api/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ memberId: items[0].id }),
  });
  if (!response.ok) return;
  const { token } = await response.json();
  await forum.setToken(token);
}
