// Live updates: the scorecard service announces every changed scorecard (server-sent events); the page re-renders
// when the change concerns what it shows, without throwing away what someone is typing.
import { challengeName } from './challenges.js';
import { t } from './i18n.js';
import { busyEditing, say } from './page.js';
import { render, route } from './router.js';

/** After a refused stream (too many open: 429 or 503), the first wait before trying again; doubled up to the longest. */
const FIRST_RETRY = 30_000;
const LONGEST_RETRY = 300_000;

/** Whether the view on screen shows the changed challenge's scorecard (editions and reports are fixed documents). */
function concerns(view, challenge) {
  if (view.view === 'editions' || view.view === 'report') return false;
  return view.view !== 'challenge' || view.code === challenge;
}

let pending;

/** Re-renders once for a burst of changes (one edit touches several scorecards); `challenge` null: whatever is shown. */
function update(challenge) {
  if (challenge !== null && !concerns(route(), challenge)) return;
  clearTimeout(pending);
  pending = setTimeout(async () => {
    const name = challenge === null ? '' : `: ${challengeName(challenge)}`;
    if (busyEditing()) { // never throw away what someone is typing; the next render shows the change
      // a stale edit already says what changed, at its form: an "updated" toast would read as its success
      if (!document.querySelector('form[data-stale]')) say(`${t('updated')}${name}`);
      return;
    }
    await render(true);
    say(`${t('updated')}${name}`);
  }, 300);
}

export function listen() {
  let retry = FIRST_RETRY;
  let missed = false;
  const connect = () => {
    const stream = new EventSource('/api/scorecards/stream');
    stream.addEventListener('open', () => {
      retry = FIRST_RETRY;
      if (missed) { // changes made while there was no stream are not announced again
        missed = false;
        update(null);
      }
    });
    stream.addEventListener('error', () => {
      // A stream that ended (the server ends each after a few minutes) EventSource reopens by itself. A refused one
      // (too many open streams) it gives up on: try again later, waiting longer each time, spread so that the
      // refused dashboards do not all come back at once.
      if (stream.readyState !== EventSource.CLOSED) return;
      missed = true;
      setTimeout(connect, retry / 2 + Math.random() * retry / 2);
      retry = Math.min(retry * 2, LONGEST_RETRY);
    });
    stream.addEventListener('scorecard-changed', event => update(JSON.parse(event.data).challenge));
  };
  connect();
}
