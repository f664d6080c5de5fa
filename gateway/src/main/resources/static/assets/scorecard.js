// Pieces of a scorecard that several views show. Status is always said in words and an icon, never by colour alone.
import { el, number } from './dom.js';
import { t, text } from './i18n.js';
import { unitText } from './units.js';

const STATUS_ICON = { GREEN: '✓', AMBER: '!', RED: '✕', NO_DATA: '?' };

export function statusBadge(status) {
  return el('span', { class: `badge status-${status}` }, el('span', { 'aria-hidden': 'true' }, STATUS_ICON[status] || '?'), ' ', t(`status.${status}`));
}

export function milestoneBadge(status, overdue) {
  return el('span', { class: `badge milestone-${status}` }, t(`milestoneStatus.${status}`), overdue ? ` · ${t('overdue')}` : '');
}

/** Why a milestone or indicator colours the scorecard, in the chosen language. */
export function reasonText(r) {
  const title = text({ nl: r.titleNl || r.title, en: r.titleEn || r.title });
  return `${title} — ${r.reason ? t(`reason.${r.reason}`) : r.why}`;
}

/** The reasons behind a scorecard's status, folded away; nothing when there are none. */
export function reasonsDetails(card) {
  return card.reasons.length ? el('details', {}, el('summary', {}, `${t('reasons')} (${card.reasons.length})`),
    el('ul', {}, card.reasons.map(r => el('li', {}, reasonText(r))))) : null;
}

/** The milestones by status as one stacked bar, with the counts in words below it. */
export function milestoneBar(m) {
  const parts = [['achieved', 'ACHIEVED'], ['onTrack', 'ON_TRACK'], ['atRisk', 'AT_RISK'], ['missed', 'MISSED'], ['planned', 'PLANNED']];
  const bar = el('div', { class: 'bar', role: 'img',
    'aria-label': parts.map(([key, status]) => `${m[key]} ${t(`milestoneStatus.${status}`)}`).join(', ') });
  for (const [key, status] of parts) {
    if (m[key] > 0) {
      const segment = el('span', { class: `segment milestone-${status}`, title: `${m[key]} ${t(`milestoneStatus.${status}`)}` });
      segment.style.flexGrow = m[key];
      bar.append(segment);
    }
  }
  return el('div', {}, bar, el('p', { class: 'counts' },
    parts.filter(([key]) => m[key] > 0).map(([key, status]) => `${m[key]} ${t(`milestoneStatus.${status}`).toLowerCase()}`).join(' · '),
    // the overdue ones are among those counted before, not more of them: "(waarvan 5 over de deadline)"
    m.overdue > 0 ? ` (${t('overdueOf').replace('{n}', m.overdue)})` : ''));
}

/** The scorecard's indicators: the challenge's own and every spearhead's. */
export function allIndicators(card) {
  return [...card.indicators, ...card.spearheads.flatMap(s => s.indicators)];
}

export function indicatorProgress(i) {
  const label = `${text({ nl: i.nameNl, en: i.nameEn })}: ${i.latest ? number(i.latest.value) : t('noValue')} / ${number(i.target)} ${unitText(i.unit)}`;
  return el('div', { class: 'indicator-progress' }, el('span', {}, label),
    el('progress', { max: '1', value: i.progress ?? 0, 'aria-label': label }));
}
