// The Board dashboard: public scorecards for everyone, editing for the teams that own a roadmap.
// Plain ES modules served by the gateway (no build step); charts by ECharts (WebJar); nothing is loaded from the
// internet. This module only starts things: the views are in views/, what they share next to this file.
import { loadChallenges } from './challenges.js';
import { lang, setLang } from './i18n.js';
import { listen } from './live.js';
import { beginRender, focusContent } from './page.js';
import { render, showFailure } from './router.js';
import { loadSession, returnToPlace } from './session.js';

document.querySelectorAll('[data-lang]').forEach(button => button.addEventListener('click', async () => {
  setLang(button.dataset.lang);
  await loadSession();
  await render();
}));

// before the session and the challenges are known, the first render (below) picks up the new route itself
let started = false;
window.addEventListener('hashchange', () => { if (started) render().then(focusContent); });

setLang(lang());
returnToPlace(); // back where the user was before signing in or out
Promise.all([loadSession(), loadChallenges()])
  .then(() => { started = true; return render(); })
  .then(listen)
  .catch(error => showFailure(beginRender(), error));
