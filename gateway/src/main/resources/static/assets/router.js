// Which view the URL's hash asks for, and rendering it. Routes: #/ (overview), #/c/<code>[?asOf=<day>],
// #/c/<code>/report[?asOf=<day>], #/editions[/<id>[/<code>]].
import { el } from './dom.js';
import { lang, t } from './i18n.js';
import { beginRender, setRerender, show } from './page.js';
import { renderChallenge } from './views/challenge.js';
import { renderEditions } from './views/editions.js';
import { renderOverview } from './views/overview.js';
import { renderReport } from './views/report.js';

export function route() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query || '');
  if (parts[0] === 'editions') return { view: 'editions', id: parts[1], challenge: parts[2] };
  if (parts[0] === 'c') return { view: parts[2] === 'report' ? 'report' : 'challenge', code: parts[1], asOf: params.get('asOf') };
  return { view: 'overview' };
}

/**
 * Says in the content area, in the page's language, that the page could not be loaded, with the way back. The API's
 * own words are shown only when they are in the page's language (validation refusals are; a network error is not).
 */
export function showFailure(mine, error) {
  const notFound = error && error.status === 404;
  show(mine, el('h1', {}, t(notFound ? 'notFound' : 'loadError')),
    error && error.status ? el('p', { class: 'error-status' }, `${t('errorStatus')}: ${error.status}`) : null,
    el('p', {}, el('a', { href: '#/', class: 'button' }, `← ${t('goBack')}`)));
  titleFromPage();
}

/** The browser tab says which page this is: its heading, then the dashboard's name. */
function titleFromPage() {
  const heading = document.querySelector('#main h1');
  document.title = heading && heading.textContent ? `${heading.textContent} — ${t('brand')}` : t('brand');
}

/** Renders the current route; `live` when a live update asked for it (it then spares an editor someone opened). */
export async function render(live = false) {
  const mine = beginRender(live);
  // the static texts of index.html follow the chosen language too
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-lang]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
  try {
    const current = route();
    if (current.view === 'challenge') await renderChallenge(current.code, current.asOf, mine);
    else if (current.view === 'report') await renderReport(current.code, current.asOf, mine);
    else if (current.view === 'editions') await renderEditions(current.id, mine, current.challenge);
    else await renderOverview(mine);
    titleFromPage();
  } catch (error) {
    showFailure(mine, error);
  }
}

setRerender(render);
