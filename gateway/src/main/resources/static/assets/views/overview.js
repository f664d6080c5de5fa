// The five challenges at a glance: status and why, milestone progress and headline indicators per challenge.
import { api } from '../api.js';
import { accent, challengeCodes, challengeName } from '../challenges.js';
import { date, el, firstSentence } from '../dom.js';
import { t, text } from '../i18n.js';
import { show } from '../page.js';
import { allIndicators, indicatorProgress, milestoneBar, reasonsDetails, statusBadge } from '../scorecard.js';
import { attentionPanel } from './attention.js';
import { rememberUnits } from '../units.js';

const roadmaps = {}; // each challenge's roadmap, for its ambition; it rarely changes, so it is fetched once
const headlines = {}; // each challenge's headline indicators: its first three in the roadmap's order, whatever data arrives

async function loadHeadlines() {
  await Promise.all(challengeCodes().filter(c => !headlines[c]).map(async c => {
    const page = await api(`/api/${c}/indicators?size=200`).catch(() => null);
    if (!page) return;
    rememberUnits(page.items);
    headlines[c] = page.items.slice(0, 3).map(i => i.id); // the API lists them in the roadmap's order
  }));
}

async function loadRoadmaps() {
  await Promise.all(challengeCodes().filter(c => !roadmaps[c]).map(async c => {
    roadmaps[c] = await api(`/api/${c}`).catch(() => ({ code: c, ambition2025: null }));
  }));
}

/** The scorecards in the registry's order; any the registry does not know yet come last. */
function inOverviewOrder(cards) {
  const order = challengeCodes();
  const position = card => (order.includes(card.challenge) ? order.indexOf(card.challenge) : order.length);
  return cards.slice().sort((a, b) => position(a) - position(b));
}

function challengeCard(card) {
  const ambition = roadmaps[card.challenge] && roadmaps[card.challenge].ambition2025;
  const fixed = headlines[card.challenge] || [];
  const headline = fixed.map(id => allIndicators(card).find(i => i.indicator === id)).filter(Boolean);
  return accent(el('article', { class: `card challenge-accent status-border-${card.status}`, 'data-challenge': card.challenge },
    el('h2', {}, el('a', { href: `#/c/${card.challenge}` }, challengeName(card.challenge))),
    ambition ? el('p', { class: 'ambition' }, firstSentence(text(ambition))) : null,
    statusBadge(card.status),
    reasonsDetails(card),
    el('h3', {}, t('milestones')), milestoneBar(card.milestones),
    headline.length ? el('h3', {}, t('indicators')) : null, headline.map(indicatorProgress),
    el('p', {}, el('a', { class: 'button', href: `#/c/${card.challenge}` }, t('open')))), card.challenge);
}

export async function renderOverview(mine) {
  const [board, attention] = await Promise.all([api('/api/scorecards'), attentionPanel(), loadRoadmaps(), loadHeadlines()]);
  show(mine,
    el('h1', {}, t('overviewTitle')), el('p', { class: 'intro' }, t('overviewIntro'), ' ', `${t('asOf')} ${date(board.asOf)}.`,
      ' ', el('a', { href: '#/editions' }, t('editions')), ' · ', el('a', { href: '/api/opendata/indicators.csv' }, t('openData'))),
    attention,
    el('div', { class: 'cards' }, inOverviewOrder(board.challenges).map(challengeCard)));
}
