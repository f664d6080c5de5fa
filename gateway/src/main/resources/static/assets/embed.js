// One challenge's public scorecard, compact, for the Board's own website: the only page that may be framed.
import { CHALLENGES, setLang, t, text } from './i18n.js';

const params = new URLSearchParams(location.search);
const code = params.get('challenge');
setLang(params.get('lang') || 'nl');
const main = document.getElementById('main');

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  children.flat().filter(c => c !== null && c !== undefined).forEach(c => node.append(c instanceof Node ? c : String(c)));
  return node;
}

async function render() {
  if (!CHALLENGES.includes(code)) {
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
    card.reasons.length ? el('ul', {}, card.reasons.slice(0, 3).map(r => el('li', {}, `${text({ nl: r.titleNl || r.title, en: r.titleEn || r.title })} — ${t(`reason.${r.reason}`)}`))) : null,
    el('p', {}, el('a', { href: `${location.origin}/#/c/${code}`, target: '_blank', rel: 'noopener' }, t('open'))));
}

render().catch(() => main.replaceChildren(el('p', {}, t('loadError'))));
