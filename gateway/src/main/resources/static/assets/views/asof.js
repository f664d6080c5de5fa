// The roadmap as it stood on a past day: which day (a date or a quarter, never before the roadmap's first known
// state), and the milestones and indicators of that day instead of today's.
import { el, date, today } from '../dom.js';
import { t } from '../i18n.js';

/** The roadmap's earliest day the scorecard knows (the document dates from 2016). */
const EARLIEST = '2016-01-01';

/** The last days of every quarter that has ended since the roadmap's earliest day, newest first. */
export function quarterEnds() {
  const ends = [];
  const now = new Date();
  let year = now.getUTCFullYear();
  let quarter = Math.floor(now.getUTCMonth() / 3); // the current quarter has not ended: start with the previous one
  for (;;) {
    if (quarter === 0) { quarter = 4; year -= 1; }
    const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
    if (end < EARLIEST) break;
    ends.push(end);
    quarter -= 1;
  }
  return ends;
}

export function quarterName(end) {
  return `Q${Math.floor((Number(end.slice(5, 7)) - 1) / 3) + 1} ${end.slice(0, 4)}`;
}

/**
 * Choosing the day or quarter the roadmap is shown as of; the choice lives in the URL. Quarters that ended before the
 * first known state are disabled (nothing to show), and say why.
 */
export function asOfChooser(code, asOf, firstKnown) {
  const go = day => { location.hash = day ? `#/c/${code}?asOf=${day}` : `#/c/${code}`; };
  const input = el('input', { type: 'date', id: 'as-of', value: asOf || '', max: today(), min: EARLIEST });
  input.addEventListener('change', () => go(input.value));
  const ends = quarterEnds();
  const before = end => Boolean(firstKnown) && end < firstKnown;
  const select = el('select', { id: 'as-of-quarter' }, el('option', { value: '' }, t('chooseQuarter')),
    ends.map(end => el('option', { value: end, selected: end === asOf, disabled: before(end) },
      before(end) ? `${quarterName(end)} (${t('quarterBeforeFirst')})` : quarterName(end))));
  select.addEventListener('change', () => { if (select.value) go(select.value); });
  return [
    el('p', { class: 'field inline-field' }, el('label', { for: 'as-of' }, t('asOfLabel')), input,
      asOf ? el('a', { href: `#/c/${code}`, class: 'button' }, t('today')) : null),
    el('p', { class: 'quarters' }, `${t('quarter')}: `, ends.slice(0, 4).map(q => (before(q)
      ? el('span', { class: 'button disabled', 'aria-disabled': 'true', title: t('quarterBeforeFirst') }, quarterName(q))
      : el('a', { href: `#/c/${code}?asOf=${q}`, class: 'button', 'aria-current': q === asOf ? 'true' : null }, quarterName(q)))),
    ' ', el('label', { for: 'as-of-quarter', class: 'visually-hidden' }, t('quarter')), select),
    firstKnown ? el('p', { class: 'first-known' }, `${t('firstKnown')}: ${date(firstKnown)}`) : null];
}

/** Whether the day lies before anything of the roadmap was known. */
export function beforeFirstKnown(asOf, firstKnown) {
  return Boolean(asOf) && (!firstKnown || asOf < firstKnown);
}

/**
 * The roadmap's milestones with the status each had on the day (from the scorecard's history), or as today's when no
 * day is asked for. A milestone not known on that day keeps its place with no status.
 */
export function milestonesAsOf(challenge, states) {
  const byId = new Map(states.milestones.map(m => [m.milestone, m]));
  return challenge.spearheads.map(s => ({ ...s, milestones: s.milestones.map(m => {
    const then = byId.get(m.id);
    return then ? { ...m, status: then.status, overdue: then.overdue, since: then.since, latestNote: null, unknown: false }
      : { ...m, latestNote: null, unknown: true };
  }) }));
}

/**
 * The indicator as the scorecard of the day has it: the latest value known then, its progress, nothing newer.
 * Without an assessment for that day (not announced yet) it has no value.
 */
export function indicatorAsOf(indicator, assessment) {
  if (!assessment) return { ...indicator, latest: null, progress: null };
  return { ...indicator, latest: assessment.latest || null, progress: assessment.progress ?? null,
    target: assessment.target ?? indicator.target, deadline: assessment.deadline || indicator.deadline };
}
