// The parts of the roadmap document around the scorecard: a challenge's background and its own specifics (key
// figures, circular's material streams, health's 4P profile, digital's cross-overs, talent's programmes, …), every
// text of a spearhead (and their editing), the team's latest note on a milestone, and change histories a page at a time.
import { api } from '../api.js';
import { challengeName, isChallenge } from '../challenges.js';
import { date, el, number } from '../dom.js';
import { field, form } from '../forms.js';
import { lang, t, text } from '../i18n.js';
import { say } from '../page.js';
import { unitText } from '../units.js';

/** The challenge's background from the document, folded away (it is long). */
export function backgroundSection(challenge) {
  if (!challenge.background) return null;
  return el('details', { class: 'background' }, el('summary', {}, t('background')),
    text(challenge.background).split(/\n\s*\n/).map(paragraph => el('p', {}, paragraph)));
}

const PARTS = { circular: '/api/circular/material-streams', health: '/api/health/four-p', digital: '/api/digital/cross-overs', talent: '/api/talent/programmes' };

function items(answer) {
  return Array.isArray(answer) ? answer : (answer && answer.items) || [];
}

function initiativeRefs(refs) {
  return refs && refs.length ? el('p', { class: 'refs' }, `${t('initiatives')}: `, refs.map(r => text(r.title)).join(', ')) : null;
}

/** What the challenge's own service adds to its specifics, with the initiatives and indicators that carry them. */
function ownPart(code, answer) {
  const list = items(answer);
  if (code === 'circular') {
    return el('div', { class: 'specific', 'data-specific': 'materialStreams' }, el('h3', {}, t('materialStreams')),
      el('ol', {}, list.map(s => el('li', {}, el('strong', {}, text(s.name)), s.recyclingAim ? ` — ${t('recyclingAim')}: ${text(s.recyclingAim)}` : '',
        initiativeRefs(s.initiatives)))));
  }
  if (code === 'health') {
    return el('div', { class: 'specific', 'data-specific': 'fourP' }, el('h3', {}, t('fourP')),
      el('ul', {}, list.map(p => el('li', {}, el('strong', {}, text(p.name)), p.description ? ` — ${text(p.description)}` : '',
        initiativeRefs(p.initiatives)))));
  }
  if (code === 'digital') {
    return el('div', { class: 'specific', 'data-specific': 'crossOvers' }, el('h3', {}, t('crossOvers')),
      el('ul', {}, list.map(c => el('li', {}, el('strong', {}, `${text(c.focus)} (${t('withChallenge')} `,
        isChallenge(c.challenge) ? el('a', { href: `#/c/${c.challenge}` }, challengeName(c.challenge)) : c.challenge, ')'),
      c.description ? el('p', {}, text(c.description)) : null,
      c.milestone2017 ? el('p', {}, `${t('milestone2017')}: ${text(c.milestone2017)}`) : null))));
  }
  if (code === 'talent') {
    return el('div', { class: 'specific', 'data-specific': 'programmes' }, el('h3', {}, t('programmes')),
      el('ul', {}, list.map(p => el('li', {}, el('strong', {}, text(p.programme)), ` — ${t('measures')} ${text(p.tracks)}`,
        p.indicator ? ` (${p.indicator.latest ? number(p.indicator.latest.value) : t('noValue')} / ${number(p.indicator.target)} `
          : '', p.indicator ? el('span', { class: 'unit' }, unitText(p.indicator.unit, p.indicator.unitName)) : null, p.indicator ? ')' : ''))));
  }
  return null;
}

/** A specifics field the challenge's service does not present itself: a text, a list of texts or of named items. */
function genericPart(key, value) {
  if (['keyFigures', 'materialStreams', 'fourP', 'crossOvers', 'tracking', 'spearheadTracking', 'backgroundSource', 'fourPSource'].includes(key)) return null;
  const heading = t(key) === key ? key : t(key);
  if (value && value.nl !== undefined) return el('div', { class: 'specific', 'data-specific': key }, el('h3', {}, heading), el('p', {}, text(value)));
  if (!Array.isArray(value) || value.length === 0) return null;
  return el('div', { class: 'specific', 'data-specific': key }, el('h3', {}, heading), el('ul', {}, value.map(item => {
    if (item && item.nl !== undefined) return el('li', {}, text(item));
    if (item && item.name) return el('li', {}, el('strong', {}, text(item.name)), item.description ? ` — ${text(item.description)}` : '');
    return null;
  })));
}

function keyFigures(figures) {
  if (!figures || figures.length === 0) return null;
  return el('div', { class: 'specific', 'data-specific': 'keyFigures' }, el('h3', {}, t('keyFigures')),
    el('ul', { class: 'key-figures' }, figures.map(f => el('li', {}, el('strong', {}, number(f.value)), ' ',
      el('span', { class: 'unit' }, unitText(f.unit, f.unitName)), f.date ? ` (${date(f.date)})` : '',
      f.source ? el('p', { class: 'source' }, text(f.source)) : null))));
}

/** The challenge's specifics from the roadmap document; fetched after the page shows, as they are long. */
export function specificsSection(code) {
  const section = el('section', { class: 'spearhead specifics', 'aria-labelledby': 'specifics-title' },
    el('h2', { id: 'specifics-title' }, t('fromTheRoadmap')));
  Promise.all([api(`/api/${code}/specifics`), PARTS[code] ? api(PARTS[code]).catch(() => null) : null]).then(([specifics, own]) => {
    const parts = [keyFigures(specifics.keyFigures), own ? ownPart(code, own) : null,
      ...Object.entries(specifics).map(([key, value]) => genericPart(key, value))].filter(Boolean);
    if (parts.length) section.append(...parts);
    else section.remove();
  }).catch(() => section.remove());
  return section;
}

/** A spearhead's texts: what it is, its relevance for the region, the Board's role and its focus areas. */
export function spearheadTexts(s) {
  const block = (key, value) => (value ? el('div', { class: 'spearhead-text', 'data-text': key }, el('h3', {}, t(key)), el('p', {}, text(value))) : null);
  return [
    block('whatItIs', s.whatItIs), block('relevance', s.relevance), block('boardRole', s.boardRole),
    s.focusAreas && s.focusAreas.length ? el('div', { class: 'spearhead-text', 'data-text': 'focusAreas' }, el('h3', {}, t('focusAreas')),
      el('ul', {}, s.focusAreas.map(f => el('li', {}, text(f))))) : null];
}

const bilingual = (nl, en) => (nl && nl.trim() ? { nl: nl.trim(), en: en && en.trim() ? en.trim() : null } : null);

/** The editors' form for a spearhead's texts; the spearhead as `GET …/spearheads/{code}` gives it (with its revision). */
export function spearheadForm(code, s) {
  const formId = `spearhead-${s.code}`;
  const area = (name, value) => field(formId, name, t(name), el('textarea', { rows: '3' }, value || ''));
  const input = (name, value) => field(formId, name, t(name), el('input', { type: 'text', value: value || '' }));
  const nl = x => (x ? x.nl : '');
  const en = x => (x && x.en ? x.en : '');
  return el('details', { class: 'editor' }, el('summary', {}, t('editSpearhead')), form(formId, [
    input('titleNl', nl(s.title)), input('titleEn', en(s.title)),
    area('visionNl', nl(s.vision)), area('visionEn', en(s.vision)),
    area('whatItIsNl', nl(s.whatItIs)), area('whatItIsEn', en(s.whatItIs)),
    area('relevanceNl', nl(s.relevance)), area('relevanceEn', en(s.relevance)),
    area('boardRoleNl', nl(s.boardRole)), area('boardRoleEn', en(s.boardRole)),
    field(formId, 'focusAreas', t('focusAreasHelp'), el('textarea', { rows: '4' },
      (s.focusAreas || []).map(f => (f.en ? `${f.nl} | ${f.en}` : f.nl)).join('\n')))], t('save'),
  values => api(`/api/${code}/spearheads/${s.code}`, { method: 'PUT', etag: `"${s.revision}"`, body: {
    title: { nl: values.titleNl, en: values.titleEn || null },
    vision: bilingual(values.visionNl, values.visionEn), whatItIs: bilingual(values.whatItIsNl, values.whatItIsEn),
    relevance: bilingual(values.relevanceNl, values.relevanceEn), boardRole: bilingual(values.boardRoleNl, values.boardRoleEn),
    focusAreas: values.focusAreas.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
      const [dutch, english] = line.split('|').map(part => part.trim());
      return { nl: dutch, en: english || null };
    }) } })));
}

/** What the team said with the milestone's latest status change, when, and who said it. */
export function latestNote(m) {
  const n = m.latestNote;
  if (!n || !n.note) return null;
  const who = n.by === 'roadmap-seed' ? t('roadmapDocument') : (n.organisation || n.by);
  return el('blockquote', { class: 'latest-note' }, el('span', { class: 'visually-hidden' }, `${t('latestNote')}: `),
    el('p', {}, n.by === 'roadmap-seed' ? t('fromTheRoadmap') : n.note), el('footer', {}, `${date(n.at)} — ${who}`));
}

const PAGE = 20;

/** A word of the dashboard's own vocabulary, or the API's word itself when the dashboard has none for it. */
const word = (group, key) => (t(`${group}.${key}`) === `${group}.${key}` ? key : t(`${group}.${key}`));

/**
 * What a history entry says, in the page's language: a milestone's entry from its statuses (and the team's note), any
 * other from its action and facts. The API's `detail` is an English sentence: shown only for a progress update (the
 * partner's own words) and, in the English view, for entries written before entries kept their facts.
 */
export function historyText(h) {
  if (h.to) {
    const change = `${h.from ? `${t(`milestoneStatus.${h.from}`)} → ` : ''}${t(`milestoneStatus.${h.to}`)}`;
    return h.note && h.by !== 'roadmap-seed' ? `${change} (${h.note})` : change;
  }
  const action = word('historyActions', h.action || '');
  const f = h.facts;
  if (h.action === 'progress reported') return `${action}: ${h.detail || ''}`;
  // an entry from before entries kept their facts: its English sentence only where the page is English
  if (!f) return h.action === 'announced' || h.action === 'created' || !h.detail || lang() !== 'en' ? action : `${action} (${h.detail})`;
  const amount = (value, unit) => `${number(value)} ${unitText(unit)}`.trim();
  switch (h.action) {
    case 'changed': {
      const fields = (f.fields || []).map(name => (name === 'status' && f.from && f.to
        ? `${word('historyFields', 'status')} ${t(`initiativeStatuses.${f.from}`)} → ${t(`initiativeStatuses.${f.to}`)}`
        : word('historyFields', name)));
      return `${action}: ${fields.length ? fields.join(', ') : t('historyNothing')}`;
    }
    case 'measurement recorded':
    case 'value computed':
      return `${action}: ${amount(f.value, f.unit)} ${t('historyOn')} ${date(f.date)}${f.confirmed ? ` (${t('historyConfirmed')})` : ''}`;
    case 'measurements imported':
      return `${action}: ${number(f.count)} ${f.count === 1 ? t('historyValue') : t('historyValues')}, ${date(f.date)} – ${date(f.until)}`;
    case 'target changed':
      return `${action}: ${amount(f.previous, f.unit)} ${t('historyBy')} ${date(f.previousDate)} → ${amount(f.value, f.unit)} ${t('historyBy')} `
        + `${date(f.date)}${f.note ? ` (${f.note})` : ''}`;
    default:
      return action;
  }
}

/** A change history a page at a time (the latest first), with "show more" while there is more. */
async function historyPage(path, list, page, more) {
  const answer = await api(`${path}?page=${page}&size=${PAGE}`);
  list.append(...answer.items.map(h => el('li', { class: 'history-entry', 'data-action': h.action || 'status' },
    `${date(h.at)} — ${h.by === 'roadmap-seed' ? t('roadmapDocument') : (h.organisation || h.by)}: ${historyText(h)}`)));
  more.replaceChildren();
  if (page + 1 < answer.totalPages) {
    more.append(el('button', { type: 'button', class: 'link', onclick: () => historyPage(path, list, page + 1, more) },
      `${t('showMore')} (${answer.totalItems - (page + 1) * PAGE} ${t('entries')})`));
  }
}

/** The entity's history, fetched only when asked for (most visitors never open it), under the entity's name. */
export function pagedHistory(path, name) {
  const list = el('ol', { class: 'history' });
  const more = el('div', {});
  const holder = el('details', { class: 'history-of' }, el('summary', {}, `${t('historyOf')} ${name}`), list, more);
  holder.addEventListener('toggle', () => { if (holder.open && !list.children.length) historyPage(path, list, 0, more).catch(() => {}); });
  return holder;
}

/** The embeddable scorecard's URL and the snippet to paste into another website, with a copy button. */
export function embedSnippet(code, language) {
  const url = `${location.origin}/embed.html?challenge=${encodeURIComponent(code)}&lang=${language}`;
  const snippet = `<iframe src="${url}" title="${challengeName(code)} — scorecard" width="400" height="320" style="border:0"></iframe>`;
  const area = el('textarea', { id: 'embed-snippet', rows: '3', readonly: true }, snippet);
  return el('details', { class: 'embed' }, el('summary', {}, t('embed')),
    el('p', { class: 'field' }, el('label', { for: 'embed-snippet' }, t('embedSnippet')), area),
    el('p', {}, el('button', { type: 'button', onclick: async () => {
      area.select();
      try { await navigator.clipboard.writeText(snippet); } catch (e) { document.execCommand('copy'); }
      say(t('copied'));
    } }, t('copy')), ' ', el('a', { href: url, target: '_blank', rel: 'noopener' }, t('show'))));
}
