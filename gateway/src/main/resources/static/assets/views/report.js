// A challenge's scorecard as a document: the printable report view and the CSV download.
import { api } from '../api.js';
import { date, el, number } from '../dom.js';
import { t, text } from '../i18n.js';
import { show } from '../page.js';
import { allIndicators, milestoneBadge, milestoneBar, reasonText, statusBadge } from '../scorecard.js';

/**
 * One CSV cell. Text a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return: a
 * title someone typed as "=HYPERLINK(…)") gets a leading apostrophe, so it is shown as the text it is; numbers stay
 * numbers.
 */
export function csvCell(value) {
  const text = String(value ?? '');
  const safe = typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The scorecard as a spreadsheet: one row per milestone and indicator, in the chosen language. */
export function csvLink(code, card, challenge) {
  const rows = [['challenge', 'spearhead', 'kind', 'id', 'title', 'status', 'latest', 'target', 'deadline', 'projected', 'as of']];
  const spearheadTitle = s => text((challenge.spearheads.find(x => x.code === s) || {}).title) || s || t('wholeChallenge');
  for (const s of challenge.spearheads) {
    for (const m of s.milestones) rows.push([code, spearheadTitle(s.code), 'milestone', m.id, text(m.title), t(`milestoneStatus.${m.status}`), '', '', m.deadline, '', card.asOf]);
  }
  for (const i of allIndicators(card)) {
    rows.push([code, spearheadTitle(i.spearhead), 'indicator', i.indicator, text({ nl: i.nameNl, en: i.nameEn }), i.onCourse === null ? '' : (i.onCourse ? t('onCourse') : t('offCourse')),
      i.latest ? i.latest.value : '', i.target, i.deadline, i.projectedValue ?? '', card.asOf]);
  }
  const blob = new Blob([rows.map(r => r.map(csvCell).join(',')).join('\r\n')], { type: 'text/csv;charset=utf-8' });
  return el('a', { href: URL.createObjectURL(blob), download: `scorecard-${code}-${card.asOf}.csv`, class: 'csv' }, t('csv'));
}

function indicatorTable(indicators) {
  const headings = [t('indicators'), t('latest'), t('target'), t('deadline'), t('projected')];
  return el('table', {}, el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, indicators.map(i => el('tr', {}, el('td', {}, text({ nl: i.nameNl, en: i.nameEn })),
      el('td', {}, i.latest ? number(i.latest.value) : t('noValue')), el('td', {}, `${number(i.target)} ${i.unit}`),
      el('td', {}, date(i.deadline)), el('td', {}, i.projectedValue === null ? '–' : number(i.projectedValue))))));
}

function spearheadSection(s, card) {
  const scored = card.spearheads.find(x => x.spearhead === s.code);
  return el('section', {}, el('h2', {}, text(s.title), ' ', scored ? statusBadge(scored.status) : null),
    s.vision ? el('p', {}, text(s.vision)) : null,
    el('ul', {}, s.milestones.map(m => el('li', {}, milestoneBadge(m.status, m.overdue), ' ', text(m.title)))),
    scored && scored.indicators.length ? indicatorTable(scored.indicators) : null);
}

export async function renderReport(code, asOf, mine) {
  const query = asOf ? `?asOf=${asOf}` : '';
  const [challenge, card] = await Promise.all([api(`/api/${code}`), api(`/api/scorecards/${code}${query}`)]);
  show(mine, el('p', { class: 'actions' }, el('a', { href: `#/c/${code}` }, `← ${text(challenge.name)}`), ' ',
      el('button', { type: 'button', onclick: () => window.print() }, t('print'))),
    el('article', { class: 'report' },
      el('h1', {}, `${text(challenge.name)} — ${t('asOf')} ${date(card.asOf)}`),
      el('p', {}, el('strong', {}, `${t('ambition')}: `), text(challenge.ambition2025)),
      el('p', {}, statusBadge(card.status)), milestoneBar(card.milestones),
      card.reasons.length ? el('ul', {}, card.reasons.map(r => el('li', {}, reasonText(r)))) : null,
      challenge.spearheads.map(s => spearheadSection(s, card))));
}
