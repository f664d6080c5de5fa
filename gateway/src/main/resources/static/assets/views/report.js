// A challenge's scorecard as a document: the printable report view and the CSV download.
import { api } from '../api.js';
import { date, el, number } from '../dom.js';
import { t, text } from '../i18n.js';
import { show } from '../page.js';
import { allIndicators, milestoneBadge, milestoneBar, reasonText, statusBadge } from '../scorecard.js';
import { isDutch, loadUnits, unitText } from '../units.js';

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

/**
 * The scorecard as a spreadsheet: one row per milestone and indicator, in the chosen language. The Dutch view writes
 * what Dutch Excel opens as it is: `;` between cells (the comma is the decimal sign there) and a byte-order mark, so
 * that it reads UTF-8.
 */
export function csvLink(code, card, challenge) {
  const kind = k => t(`csvKinds.${k}`);
  const rows = [t('csvHeaders')];
  const spearheadTitle = s => text((challenge.spearheads.find(x => x.code === s) || {}).title) || s || t('wholeChallenge');
  for (const s of challenge.spearheads) {
    for (const m of s.milestones) {
      rows.push([code, spearheadTitle(s.code), kind('milestone'), m.id, text(m.title), m.status ? t(`milestoneStatus.${m.status}`) : '', '', '', '',
        m.deadline, '', card.asOf]);
    }
  }
  for (const i of allIndicators(card)) {
    rows.push([code, spearheadTitle(i.spearhead), kind('indicator'), i.indicator, text({ nl: i.nameNl, en: i.nameEn }),
      i.onCourse === null ? '' : (i.onCourse ? t('onCourse') : t('offCourse')),
      i.latest ? csvNumber(i.latest.value) : '', csvNumber(i.target), unitText(i.unit), i.deadline, csvNumber(i.projectedValue), card.asOf]);
  }
  const separator = isDutch() ? ';' : ',';
  const blob = new Blob([isDutch() ? '\uFEFF' : '', rows.map(r => r.map(csvCell).join(separator)).join('\r\n')], { type: 'text/csv;charset=utf-8' });
  return el('a', { href: URL.createObjectURL(blob), download: `scorecard-${code}-${card.asOf}.csv`, class: 'csv' }, t('csv'));
}

/** A number as the spreadsheet of the page's language reads it (a decimal comma in Dutch); empty when there is none. */
function csvNumber(value) {
  if (value === null || value === undefined) return '';
  return isDutch() ? String(value).replace('.', ',') : value;
}

function indicatorTable(indicators) {
  const headings = [t('indicators'), t('latest'), t('target'), t('deadline'), t('projected')];
  // at phone width the table scrolls sideways in its own box, not the page
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('indicators') }, el('table', {}, el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, indicators.map(i => el('tr', {}, el('td', {}, text({ nl: i.nameNl, en: i.nameEn })),
      el('td', {}, i.latest ? number(i.latest.value) : t('noValue')), el('td', {}, `${number(i.target)} `, el('span', { class: 'unit' }, unitText(i.unit))),
      el('td', {}, date(i.deadline)), el('td', {}, i.projectedValue === null ? '–' : number(i.projectedValue)))))));
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
  const [challenge, card] = await Promise.all([api(`/api/${code}`), api(`/api/scorecards/${code}${query}`), loadUnits([code], api)]);
  show(mine, el('p', { class: 'actions' }, el('a', { href: `#/c/${code}` }, `← ${text(challenge.name)}`), ' ',
      el('button', { type: 'button', onclick: () => window.print() }, t('print'))),
    el('article', { class: 'report' },
      el('h1', {}, `${text(challenge.name)} — ${t('asOf')} ${date(card.asOf)}`),
      el('p', {}, el('strong', {}, `${t('ambition')}: `), text(challenge.ambition2025)),
      el('p', {}, statusBadge(card.status)), milestoneBar(card.milestones),
      card.reasons.length ? el('ul', {}, card.reasons.map(r => el('li', {}, reasonText(r)))) : null,
      challenge.spearheads.map(s => spearheadSection(s, card))));
}
