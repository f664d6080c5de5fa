// Live updates: the scorecard service announces every changed scorecard (server-sent events); the page re-renders
// when the change concerns what it shows, without throwing away what someone is typing.
import { challengeName } from './challenges.js';
import { t } from './i18n.js';
import { busyEditing, say } from './page.js';
import { render, route } from './router.js';

/** Whether the view on screen shows the changed challenge's scorecard (editions and reports are fixed documents). */
function concerns(view, challenge) {
  if (view.view === 'editions' || view.view === 'report') return false;
  return view.view !== 'challenge' || view.code === challenge;
}

export function listen() {
  const stream = new EventSource('/api/scorecards/stream');
  let pending;
  stream.addEventListener('scorecard-changed', event => {
    const change = JSON.parse(event.data);
    if (!concerns(route(), change.challenge)) return;
    clearTimeout(pending);
    // a burst of changes (one edit touches several scorecards) re-renders once
    pending = setTimeout(async () => {
      const name = challengeName(change.challenge);
      if (busyEditing()) { // never throw away what someone is typing; the next render shows the change
        say(`${t('updated')}: ${name}`);
        return;
      }
      await render(true);
      say(`${t('updated')}: ${name}`);
    }, 300);
  });
}
