// One challenge's roadmap: its scorecard (as of any day or quarter), spearheads with milestones, indicators with
// charts and initiatives, and the editing its team may do.
import { api } from '../api.js';
import { accent, isChallenge } from '../challenges.js';
import { chartDescription, formatValue, indicatorChart, indicatorOutlook, timeline } from '../charts.js';
import { date, el, today } from '../dom.js';
import { field, form } from '../forms.js';
import { t, text } from '../i18n.js';
import { show } from '../page.js';
import { askToConfirm, confirmation, explain, needsConfirmation } from '../plausibility.js';
import { allIndicators, milestoneBadge, milestoneBar, reasonsDetails, statusBadge } from '../scorecard.js';
import { canEdit, canReadHistory } from '../session.js';
import { importPanel } from './import.js';
import { initiativeForm, initiativeItem } from './initiatives.js';
import { csvLink } from './report.js';

const MILESTONE_STATUSES = ['PLANNED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'MISSED'];

async function historyList(path) {
  const entries = (await api(`${path}?size=200`)).items; // a page, the latest first
  return el('ol', { class: 'history' }, entries.map(h =>
    el('li', {}, `${date(h.at)} — ${h.by}: ${h.action || (t(`milestoneStatus.${h.to}`))}${h.detail || h.note ? ` (${h.detail || h.note})` : ''}`)));
}

/** The change history is only fetched when asked for: most visitors never open it. */
function historyButton(path) {
  const holder = el('div', {});
  const button = el('button', { type: 'button', class: 'link', onclick: async () => {
    holder.replaceChildren(await historyList(path));
    button.remove();
  } }, t('showHistory'));
  return el('div', {}, button, holder);
}

/** What the server has now for a milestone, after a stale edit; `revision` receives its revision for the next save. */
async function currentMilestone(code, m, revision) {
  const now = await api(`/api/${code}/milestones/${m.id}`);
  revision(now.revision);
  let latest = null;
  if (canReadHistory(code)) {
    latest = (await api(`/api/${code}/milestones/${m.id}/history?size=1`).catch(() => ({ items: [] }))).items[0] || null;
  }
  return `${t(`milestoneStatus.${now.status}`)}${latest && latest.note ? ` — “${latest.note}”` : ''}`
    + `${latest ? ` (${latest.by}, ${date(latest.at)})` : ` (${date(now.lastChangedAt)})`}`;
}

/** What the server has now for an indicator, after a stale edit; `revision` receives its revision for the next save. */
async function currentIndicator(code, indicator, revision) {
  const now = await api(`/api/${code}/indicators/${indicator.id}`);
  revision(now.revision);
  return now.latest ? `${t('latest')}: ${formatValue(now.latest.value, now.quantity)} ${now.unit} (${date(now.latest.date)}, ${now.latest.recordedBy})`
    : t('noValue');
}

function milestoneItem(code, m) {
  const item = el('li', { class: 'milestone', 'data-milestone': m.id },
    el('p', {}, milestoneBadge(m.status, m.overdue), ' ', el('span', { class: 'deadline' }, `${t('deadline')} ${date(m.deadline)}`)),
    el('p', {}, text(m.title)));
  if (canEdit(code)) {
    let revision = m.revision; // moves on when a stale edit has shown the server's newer state
    const select = el('select', {}, MILESTONE_STATUSES.map(s => el('option', { value: s, selected: s === m.status }, t(`milestoneStatus.${s}`))));
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('changeStatus')),
      form(`status-${m.id}`, [field(`status-${m.id}`, 'status', t('changeStatus'), select),
        field(`status-${m.id}`, 'note', t('note'), el('textarea', { rows: '2' }))], t('save'),
        values => api(`/api/${code}/milestones/${m.id}/status`, { method: 'PUT', body: values, etag: `"${revision}"` }),
        { current: () => currentMilestone(code, m, r => { revision = r; }) })));
  }
  if (canReadHistory(code)) item.append(historyButton(`/api/${code}/milestones/${m.id}/history`));
  return item;
}

function measurementForm(code, indicator) {
  const formId = `measure-${indicator.id}`;
  let revision = indicator.revision; // moves on when a stale edit has shown the server's newer state
  return el('details', { class: 'editor' }, el('summary', {}, t('recordMeasurement')),
    form(formId, [
      field(formId, 'date', t('date'), el('input', { type: 'date', value: today() })),
      field(formId, 'value', `${t('value')} (${indicator.unit})`, el('input', { type: 'text', inputmode: 'decimal' })),
      field(formId, 'source', t('source'), el('input', { type: 'text' })),
      field(formId, 'note', t('note'), el('input', { type: 'text' }))], t('save'),
      // a decimal comma is what Dutch users type
      values => api(`/api/${code}/indicators/${indicator.id}/measurements`, { method: 'POST', etag: `"${revision}"`,
        body: { ...values, value: values.value === '' ? null : Number(values.value.replace(',', '.')), ...confirmation(values) } })
        .catch(error => {
          if (!needsConfirmation(error)) throw error;
          askToConfirm(formId);
          throw explain(error);
        }),
      { current: () => currentIndicator(code, indicator, r => { revision = r; }) }));
}

function indicatorItem(code, indicator, assessment) {
  const chartBox = el('div', { class: 'chart', role: 'img', 'aria-label': chartDescription(indicator, [], assessment) });
  const item = el('li', { class: 'indicator', 'data-indicator': indicator.id },
    el('h4', {}, text(indicator.name)),
    el('p', {}, `${t('latest')}: `, el('strong', { class: 'latest-value' }, indicator.latest ? formatValue(indicator.latest.value, indicator.quantity) : t('noValue')),
      ` · ${t('target')} ${formatValue(indicator.target, indicator.quantity)} ${indicator.unit} · ${t('deadline')} ${date(indicator.deadline)}`),
    el('progress', { max: '1', value: indicator.progress ?? 0, 'aria-label': text(indicator.name) }),
    indicatorOutlook(indicator, assessment),
    chartBox);
  // the chart fills in when its measurements arrive; the page does not wait for them
  api(`/api/${code}/indicators/${indicator.id}/measurements?size=200`).then(page => indicatorChart(chartBox, indicator, page.items.slice().reverse(), assessment)).catch(() => {});
  if (canEdit(code) && !indicator.computed) item.append(measurementForm(code, indicator));
  return item;
}

/** The last days of the `count` quarters that have ended, newest first. */
function lastQuarterEnds(count) {
  const ends = [];
  const day = new Date();
  let year = day.getUTCFullYear();
  let quarter = Math.floor(day.getUTCMonth() / 3); // the current quarter has not ended: start with the previous one
  for (let i = 0; i < count; i++) {
    if (quarter === 0) { quarter = 4; year -= 1; }
    const end = new Date(Date.UTC(year, quarter * 3, 0));
    ends.push(end.toISOString().slice(0, 10));
    quarter -= 1;
  }
  return ends;
}

function quarterName(end) {
  return `Q${Math.floor((Number(end.slice(5, 7)) - 1) / 3) + 1} ${end.slice(0, 4)}`;
}

/** Choosing the day (or quarter) the scorecard is shown as of; the choice lives in the URL. */
function asOfChooser(code, asOf) {
  const input = el('input', { type: 'date', id: 'as-of', value: asOf || '', max: today(), min: '2016-01-01' });
  input.addEventListener('change', () => { location.hash = input.value ? `#/c/${code}?asOf=${input.value}` : `#/c/${code}`; });
  return [
    el('p', { class: 'field inline-field' }, el('label', { for: 'as-of' }, t('asOfLabel')), input,
      asOf ? el('a', { href: `#/c/${code}`, class: 'button' }, t('today')) : null),
    el('p', { class: 'quarters' }, `${t('quarter')}: `, lastQuarterEnds(4).map(q => el('a', { href: `#/c/${code}?asOf=${q}`, class: 'button' }, quarterName(q))))];
}

/** A spearhead with its milestones, indicators and initiatives; the rest is what the whole page fetched. */
function spearheadSection(code, s, { card, assessments, indicators, initiatives, spearheads }) {
  const scored = card.spearheads.find(x => x.spearhead === s.code);
  return el('section', { class: 'spearhead', 'aria-labelledby': `sh-${s.code}` },
    el('h2', { id: `sh-${s.code}` }, text(s.title), ' ', scored ? statusBadge(scored.status) : null),
    s.vision ? el('details', {}, el('summary', {}, t('vision')), el('p', {}, text(s.vision))) : null,
    el('h3', {}, t('milestones')), el('ul', { class: 'milestones' }, s.milestones.map(m => milestoneItem(code, m))),
    el('h3', {}, t('indicators')),
    el('ul', { class: 'indicators' }, indicators.filter(i => i.spearhead === s.code).map(i => indicatorItem(code, i, assessments[i.id]))),
    el('h3', {}, t('initiatives')),
    el('ul', { class: 'initiatives', 'data-spearhead': s.code }, initiatives.filter(i => i.spearhead === s.code)
      .map(i => initiativeItem(code, i, spearheads))));
}

export async function renderChallenge(code, asOf, mine) {
  if (!isChallenge(code)) {
    show(mine, el('h1', {}, t('notFound')), el('p', {}, el('a', { href: '#/' }, t('back'))));
    return;
  }
  const query = asOf ? `?asOf=${asOf}` : '';
  const [challenge, card, indicators, initiatives] = await Promise.all([
    api(`/api/${code}`), api(`/api/scorecards/${code}${query}`), api(`/api/${code}/indicators?size=200`), api(`/api/${code}/initiatives?size=200`)]);
  const assessments = Object.fromEntries(allIndicators(card).map(i => [i.indicator, i]));
  const wholeChallenge = indicators.items.filter(i => !i.spearhead);
  const roadmap = { card, assessments, indicators: indicators.items, initiatives: initiatives.items, spearheads: challenge.spearheads };
  show(mine,
    el('p', { class: 'actions' }, el('a', { href: '#/' }, `← ${t('back')}`), ' ',
      el('a', { href: `#/c/${code}/report${query}` }, t('report')), ' ',
      csvLink(code, card, challenge), ' ',
      el('a', { href: `/embed.html?challenge=${code}` }, t('embed'))),
    accent(el('h1', { class: 'challenge-title' }, text(challenge.name)), code),
    el('section', { class: 'summary', 'aria-label': t('reasons') },
      el('p', {}, el('strong', {}, `${t('ambition')}: `), text(challenge.ambition2025)),
      el('p', {}, statusBadge(card.status), ' ', `${t('asOf')} ${date(card.asOf)}`),
      asOfChooser(code, asOf),
      milestoneBar(card.milestones),
      reasonsDetails(card),
      timeline(challenge)),
    canEdit(code) ? importPanel(code) : null,
    canEdit(code) ? el('div', { class: 'new-initiative' },
      el('details', { class: 'editor' }, el('summary', {}, t('newInitiative')), initiativeForm(code, challenge.spearheads))) : null,
    wholeChallenge.length ? el('section', { class: 'spearhead' }, el('h2', {}, t('indicators')),
      el('ul', { class: 'indicators' }, wholeChallenge.map(i => indicatorItem(code, i, assessments[i.id])))) : null,
    challenge.spearheads.map(s => spearheadSection(code, s, roadmap)));
}
