// One challenge's roadmap: its scorecard (as of any day or quarter), spearheads with milestones, indicators with
// charts and initiatives, and the editing its team may do.
import { api } from '../api.js';
import { accent, isChallenge } from '../challenges.js';
import { chartDescription, formatValue, indicatorChart, indicatorOutlook, timeline } from '../charts.js';
import { date, el, today } from '../dom.js';
import { field, form } from '../forms.js';
import { lang, t, text } from '../i18n.js';
import { show } from '../page.js';
import { askToConfirm, confirmation, explain, needsConfirmation } from '../plausibility.js';
import { allIndicators, milestoneBadge, milestoneBar, reasonsDetails, statusBadge } from '../scorecard.js';
import { canEdit, canReadHistory } from '../session.js';
import { importPanel } from './import.js';
import { rememberUnits, unitText } from '../units.js';
import { asOfChooser, beforeFirstKnown, indicatorAsOf, milestonesAsOf } from './asof.js';
import { initiativeForm, initiativeItem } from './initiatives.js';
import { csvLink } from './report.js';
import { backgroundSection, embedSnippet, latestNote, pagedHistory, spearheadForm, spearheadTexts, specificsSection } from './roadmap.js';

const MILESTONE_STATUSES = ['PLANNED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'MISSED'];

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
  return now.latest ? `${t('latest')}: ${formatValue(now.latest.value, now.quantity)} ${unitText(now.unit, now.unitName)} (${date(now.latest.date)}, ${now.latest.recordedBy})`
    : t('noValue');
}

/** A milestone card: today's status with the team's latest note, or the status it had on the day asked for. */
function milestoneItem(code, m, asOf) {
  const item = el('li', { class: 'milestone', 'data-milestone': m.id },
    el('p', {}, m.unknown ? el('span', { class: 'badge milestone-unknown' }, t('notKnownYet')) : milestoneBadge(m.status, m.overdue), ' ',
      el('span', { class: 'deadline' }, `${t('deadline')} ${date(m.deadline)}`),
      asOf && m.since ? el('span', { class: 'since' }, ` · ${t('statusSince')} ${date(m.since)}`) : null),
    el('p', {}, text(m.title)),
    asOf ? null : latestNote(m));
  if (canEdit(code) && !asOf) {
    let revision = m.revision; // moves on when a stale edit has shown the server's newer state
    const select = el('select', {}, MILESTONE_STATUSES.map(s => el('option', { value: s, selected: s === m.status }, t(`milestoneStatus.${s}`))));
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('changeStatus')),
      form(`status-${m.id}`, [field(`status-${m.id}`, 'status', t('changeStatus'), select),
        field(`status-${m.id}`, 'note', t('note'), el('textarea', { rows: '2' }))], t('save'),
        values => api(`/api/${code}/milestones/${m.id}/status`, { method: 'PUT', body: values, etag: `"${revision}"` }),
        { current: () => currentMilestone(code, m, r => { revision = r; }) })));
  }
  if (canReadHistory(code) && !asOf) item.append(pagedHistory(`/api/${code}/milestones/${m.id}/history`, text(m.title)));
  return item;
}

function measurementForm(code, indicator) {
  const formId = `measure-${indicator.id}`;
  let revision = indicator.revision; // moves on when a stale edit has shown the server's newer state
  return el('details', { class: 'editor' }, el('summary', {}, t('recordMeasurement')),
    form(formId, [
      field(formId, 'date', t('date'), el('input', { type: 'date', value: today() })),
      field(formId, 'value', `${t('value')} (${unitText(indicator.unit, indicator.unitName)})`, el('input', { type: 'text', inputmode: 'decimal' })),
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

/** The latest value; before the first measurement, the baseline (what the roadmap started from), said to be one. */
function latestValue(indicator) {
  if (indicator.latest) return el('strong', { class: 'latest-value' }, formatValue(indicator.latest.value, indicator.quantity));
  const b = indicator.baseline;
  if (b && b.value !== null && b.value !== undefined) {
    return el('span', {}, el('strong', { class: 'latest-value baseline-value' }, formatValue(b.value, indicator.quantity)), ` (${t('baselineValue')}${b.date ? `, ${date(b.date)}` : ''})`);
  }
  return el('strong', { class: 'latest-value' }, t('noValue'));
}

function indicatorItem(code, current, assessment, asOf) {
  // on a past day the indicator is shown as the scorecard of that day has it
  const indicator = asOf ? indicatorAsOf(current, assessment) : current;
  const unit = el('span', { class: 'unit' }, unitText(indicator.unit, indicator.unitName));
  const chartBox = el('div', { class: 'chart', role: 'img', 'aria-label': chartDescription(indicator, [], assessment) });
  const item = el('li', { class: 'indicator', 'data-indicator': indicator.id },
    el('h4', {}, text(indicator.name)),
    el('p', {}, `${t('latest')}: `, latestValue(indicator),
      ` · ${t('target')} ${formatValue(indicator.target, indicator.quantity)} `, unit, ` · ${t('deadline')} ${date(indicator.deadline)}`),
    el('progress', { max: '1', value: indicator.progress ?? 0, 'aria-label': text(indicator.name) }),
    asOf ? null : indicatorOutlook(indicator, assessment),
    chartBox);
  // the chart fills in when its measurements arrive; the page does not wait for them
  api(`/api/${code}/indicators/${indicator.id}/measurements?size=200`).then(page => indicatorChart(chartBox, indicator,
    page.items.slice().reverse().filter(m => !asOf || m.date <= asOf), assessment)).catch(() => {});
  if (canEdit(code) && !indicator.computed && !asOf) item.append(measurementForm(code, indicator));
  if (canReadHistory(code) && !asOf) item.append(pagedHistory(`/api/${code}/indicators/${indicator.id}/history`, text(indicator.name)));
  return item;
}

/** A spearhead with its milestones, indicators and initiatives; the rest is what the whole page fetched. */
function spearheadSection(code, s, { card, assessments, indicators, initiatives, spearheads, editable, asOf }) {
  const scored = card.spearheads.find(x => x.spearhead === s.code);
  const own = editable.find(x => x.code === s.code);
  return el('section', { class: 'spearhead', 'aria-labelledby': `sh-${s.code}`, 'data-spearhead-section': s.code },
    el('h2', { id: `sh-${s.code}` }, text(s.title), ' ', scored ? statusBadge(scored.status) : null),
    s.vision ? el('details', {}, el('summary', {}, t('vision')), el('p', {}, text(s.vision))) : null,
    spearheadTexts(s),
    own && !asOf ? spearheadForm(code, own) : null,
    canReadHistory(code) && !asOf ? pagedHistory(`/api/${code}/spearheads/${s.code}/history`, text(s.title)) : null,
    el('h3', {}, t('milestones')), el('ul', { class: 'milestones' }, s.milestones.map(m => milestoneItem(code, m, asOf))),
    el('h3', {}, t('indicators')),
    el('ul', { class: 'indicators' }, indicators.filter(i => i.spearhead === s.code).map(i => indicatorItem(code, i, assessments[i.id], asOf))),
    el('h3', {}, t('initiatives')),
    el('ul', { class: 'initiatives', 'data-spearhead': s.code }, initiatives.filter(i => i.spearhead === s.code)
      .map(i => initiativeItem(code, i, spearheads, asOf))));
}

export async function renderChallenge(code, asOf, mine) {
  if (!isChallenge(code)) {
    show(mine, el('h1', {}, t('notFound')), el('p', {}, el('a', { href: '#/' }, t('back'))));
    return;
  }
  const query = asOf ? `?asOf=${asOf}` : '';
  const [current, card, indicators, initiatives, states, editable] = await Promise.all([
    api(`/api/${code}`), api(`/api/scorecards/${code}${query}`), api(`/api/${code}/indicators?size=200`), api(`/api/${code}/initiatives?size=200`),
    // the milestones of the day asked for, and the day the roadmap's history starts
    api(`/api/scorecards/${code}/milestones${query}`).catch(() => ({ milestones: [], firstKnown: null })),
    canEdit(code) && !asOf ? api(`/api/${code}/spearheads`) : []]);
  rememberUnits(indicators.items);
  const before = beforeFirstKnown(asOf, states.firstKnown);
  const challenge = asOf ? { ...current, spearheads: milestonesAsOf(current, states) } : current;
  const assessments = Object.fromEntries(allIndicators(card).map(i => [i.indicator, i]));
  const wholeChallenge = indicators.items.filter(i => !i.spearhead);
  const shownInitiatives = asOf ? initiatives.items.filter(i => !i.startDate || i.startDate <= asOf) : initiatives.items;
  const roadmap = { card, assessments, indicators: indicators.items, initiatives: shownInitiatives, spearheads: challenge.spearheads,
    editable: Array.isArray(editable) ? editable : (editable.items || []), asOf };
  show(mine,
    el('p', { class: 'actions' }, el('a', { href: '#/' }, `← ${t('back')}`), ' ',
      el('a', { href: `#/c/${code}/report${query}` }, t('report')), ' ',
      csvLink(code, card, challenge)),
    accent(el('h1', { class: 'challenge-title' }, text(challenge.name)), code),
    asOf ? el('p', { class: 'notice as-of-notice', role: 'status' }, before
      ? `${t('beforeFirstKnown')} ${date(states.firstKnown)}.` : t('asOfView')) : null,
    el('section', { class: 'summary', 'aria-label': t('reasons') },
      el('p', {}, el('strong', {}, `${t('ambition')}: `), text(challenge.ambition2025)),
      backgroundSection(challenge),
      el('p', {}, statusBadge(card.status), ' ', `${t('asOf')} ${date(card.asOf)}`),
      asOfChooser(code, asOf, states.firstKnown),
      milestoneBar(card.milestones),
      reasonsDetails(card),
      timeline(challenge),
      embedSnippet(code, lang())),
    canEdit(code) && !asOf ? importPanel(code) : null,
    canEdit(code) && !asOf ? el('div', { class: 'new-initiative' },
      el('details', { class: 'editor' }, el('summary', {}, t('newInitiative')), initiativeForm(code, challenge.spearheads))) : null,
    specificsSection(code),
    wholeChallenge.length ? el('section', { class: 'spearhead' }, el('h2', {}, t('indicators')),
      el('ul', { class: 'indicators' }, wholeChallenge.map(i => indicatorItem(code, i, assessments[i.id], asOf)))) : null,
    challenge.spearheads.map(s => spearheadSection(code, s, roadmap)));
}
