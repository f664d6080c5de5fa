// One challenge's public scorecard, compact, for the Board's own website: the only page that may be framed.
import { isChallenge, loadChallenges } from './challenges.js';
import { el } from './dom.js';
import { setLang, t, text } from './i18n.js';
import { reasonText } from './scorecard.js';

const params = new URLSearchParams(location.search);
const code = params.get('challenge');
setLang(params.get('lang') || 'nl');
const main = document.getElementById('main');

async function render() {
  await loadChallenges();
  if (!isChallenge(code)) {
    main.replaceChildren(el('p', {}, t('notFound')));
    return;
  }
  const [challenge, card] = await Promise.all([fetch(`/api/${code}`).then(r => r.json()), fetch(`/api/scorecards/${code}`).then(r => r.json())]);
  const m = card.milestones;
  main.replaceChildren(
    el('h1', {}, text(challenge.name)),
    el('p', {}, el('span', { class: `badge status-${card.status}` }, t(`status.${card.status}`)), ` ${t('asOf')} ${card.asOf}`),
    el('p', {}, `${t('milestones')}: ${m.total} — ${m.achieved} ${t('milestoneStatus.ACHIEVED').toLowerCase()}, ${m.onTrack} ${t('milestoneStatus.ON_TRACK').toLowerCase()}, `
      + `${m.atRisk} ${t('milestoneStatus.AT_RISK').toLowerCase()}, ${m.overdue} ${t('overdue')}`),
    card.reasons.length ? el('ul', {}, card.reasons.slice(0, 3).map(r => el('li', {}, reasonText(r)))) : null,
    el('p', {}, el('a', { href: `${location.origin}/#/c/${code}`, target: '_blank', rel: 'noopener' }, t('open'))));
}

render().catch(() => main.replaceChildren(el('p', {}, t('loadError'))));
