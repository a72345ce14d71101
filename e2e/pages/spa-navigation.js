// LinkedIn-style in-page navigation for the e2e profile pages. A click on a
// [data-testid="spa-link"] changes the URL with history.pushState at once,
// fetches the other profile, and only renders it after a delay: the old top
// card stays on screen meanwhile, as on LinkedIn while its data loads. The
// delay is longer than WXT's 1 s URL polling, so a content script always sees
// the new URL next to the previous person's card, whichever watcher it uses.
(() => {
  const RENDER_DELAY_MS = 1500;

  async function navigate(href) {
    history.pushState({}, '', href);
    const html = await (await fetch(href, { credentials: 'same-origin' })).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    await new Promise((resolve) => setTimeout(resolve, RENDER_DELAY_MS));
    document.title = next.title;
    document.querySelector('main').replaceWith(document.adoptNode(next.querySelector('main')));
    document.querySelector('aside').replaceWith(document.adoptNode(next.querySelector('aside')));
    document.documentElement.dataset.e2eNavigated = location.pathname;
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-testid="spa-link"]') : null;
    if (!link) return;
    event.preventDefault();
    void navigate(link.getAttribute('href'));
  });
})();
