// The published scorecard editions: the list (and publishing one, for the Board), one edition with what changed, and
// one challenge of an edition as it stood then.
import { api } from '../api.js';
import { accent, challengeCodes, challengeName } from '../challenges.js';
import { date, el, number } from '../dom.js';
import { form, field } from '../forms.js';
import { t, text } from '../i18n.js';
import { show } from '../page.js';
import { milestoneBadge, milestoneBar, reasonsDetails, statusBadge } from '../scorecard.js';
import { canPublish } from '../session.js';
import { loadUnits, unitText } from '../units.js';

/** A spearhead's title as the edition has it (its code when the edition does not know it). */
function spearheadName(edition, challenge, code) {
  const card = edition.challenges.find(c => c.challenge === challenge);
  const s = card && card.spearheads.find(x => x.spearhead === code);
  return s ? text({ nl: s.titleNl, en: s.titleEn }) || code : code;
}

function where(edition, challenge, spearhead) {
  return `${challengeName(challenge)}${spearhead ? ` · ${spearheadName(edition, challenge, spearhead)}` : ''}`;
}

function milestoneStatus(status) {
  return status ? t(`milestoneStatus.${status}`) : t('notYetKnown');
}

function initiativeStatus(status) {
  return status ? t(`initiativeStatuses.${status}`) : '–';
}

/** One titled list of changes, or nothing when there are none of this kind. */
function section(title, items, className) {
  return items.length ? [el('h3', {}, title), el('ul', { class: `diff ${className}` }, items)] : [];
}

/** Everything that changed since the previous edition, each kind under its own heading. */
function changeList(edition, diff) {
  if (!diff.previous) return el('p', {}, t('firstEdition'));
  const statuses = diff.statuses.map(s => el('li', {}, `${where(edition, s.challenge, s.spearhead)}: `,
    s.from ? t(`status.${s.from}`) : '–', ' → ', t(`status.${s.to}`)));
  const milestones = (diff.milestoneChanges || []).map(m => el('li', { 'data-milestone': m.milestone },
    `${where(edition, m.challenge, m.spearhead)}: `, el('strong', {}, text({ nl: m.titleNl, en: m.titleEn }) || m.milestone), ' — ',
    `${milestoneStatus(m.from)} → ${milestoneStatus(m.to)}`,
    m.note ? el('span', { class: 'note' }, ` · ${t('teamNote')}: “${m.note}”`) : null,
    m.changedAt ? ` (${date(m.changedAt)})` : ''));
  const indicators = diff.indicators.map(i => el('li', { 'data-indicator': i.indicator },
    `${where(edition, i.challenge, i.spearhead)}: `, el('strong', {}, text({ nl: i.nameNl, en: i.nameEn }) || i.indicator),
    ` — ${number(i.from)} → ${number(i.to)}${i.unit ? ` ${unitText(i.unit)}` : ''}`));
  const initiative = i => el('li', { 'data-initiative': i.initiative }, `${where(edition, i.challenge, i.spearhead)}: `,
    el('strong', {}, text({ nl: i.titleNl, en: i.titleEn }) || i.initiative),
    i.from ? ` — ${initiativeStatus(i.from)} → ${initiativeStatus(i.to)}` : ` (${initiativeStatus(i.to)})`);
  const added = (diff.initiativesAdded || []).map(initiative);
  const closed = (diff.initiativesClosed || []).map(initiative);
  const parts = [
    ...section(t('statusChanges'), statuses, 'statuses'),
    ...section(t('milestoneChanges'), milestones, 'milestone-changes'),
    ...section(t('indicatorChanges'), indicators, 'indicator-changes'),
    ...section(t('initiativesAdded'), added, 'initiatives-added'),
    ...section(t('initiativesClosed'), closed, 'initiatives-closed')];
  const unknown = diff.itemsCompared === false ? el('p', { class: 'notice-inline' }, t('itemsNotCompared')) : null;
  return el('div', { class: 'changes' }, unknown, parts.length ? parts : el('p', {}, t('noChanges')));
}

async function renderEdition(id, mine) {
  const [edition, diff] = await Promise.all([api(`/api/scorecards/editions/${id}`), api(`/api/scorecards/editions/${id}/diff`),
    loadUnits(challengeCodes(), api)]); // the diff names units as the scorecard has them: in the page's language here
  show(mine, el('p', {}, el('a', { href: '#/editions' }, `← ${t('editions')}`)),
    el('h1', {}, edition.title), el('p', {}, `${date(edition.publishedAt)}, ${t('publishedBy')} ${edition.publishedBy}`),
    el('div', { class: 'cards' }, edition.challenges.map(c => accent(el('article', { class: `card challenge-accent status-border-${c.status}`, 'data-challenge': c.challenge },
      el('h2', {}, el('a', { href: `#/editions/${id}/${c.challenge}` }, challengeName(c.challenge))), statusBadge(c.status), milestoneBar(c.milestones),
      el('p', {}, el('a', { href: `#/editions/${id}/${c.challenge}`, 'aria-label': `${t('asItStood')}: ${challengeName(c.challenge)}` }, t('asItStood')))), c.challenge))),
    el('h2', {}, t('changesSince')),
    changeList(edition, diff));
}

function frozenIndicator(i) {
  return el('li', { class: 'indicator', 'data-indicator': i.indicator }, el('strong', {}, text({ nl: i.nameNl, en: i.nameEn })), ': ',
    i.latest ? `${number(i.latest.value)} ${unitText(i.unit)} (${date(i.latest.date)})` : t('noValue'),
    ` · ${t('target')} ${number(i.target)} ${unitText(i.unit)} · ${t('deadline')} ${date(i.deadline)}`);
}

function frozenMilestone(m, asOf) {
  const overdue = m.status !== 'ACHIEVED' && m.status !== 'MISSED' && Boolean(m.deadline) && m.deadline < asOf;
  return el('li', { class: 'milestone', 'data-milestone': m.milestone },
    el('p', {}, milestoneBadge(m.status, overdue), ' ', el('span', { class: 'deadline' }, `${t('deadline')} ${date(m.deadline)}`)),
    el('p', {}, text({ nl: m.titleNl, en: m.titleEn }) || m.milestone),
    m.note ? el('p', { class: 'note' }, `${t('teamNote').charAt(0).toUpperCase()}${t('teamNote').slice(1)}: “${m.note}”${m.changedAt ? ` (${date(m.changedAt)})` : ''}`) : null);
}

/** One challenge of an edition as it stood when the edition was published: nothing of today's state. */
async function renderEditionChallenge(id, challenge, mine) {
  const [edition] = await Promise.all([api(`/api/scorecards/editions/${id}`), loadUnits([challenge], api)]);
  const card = edition.challenges.find(c => c.challenge === challenge);
  const back = el('p', {}, el('a', { href: `#/editions/${id}` }, `← ${edition.title}`));
  if (!card) {
    show(mine, back, el('h1', {}, t('notFound')));
    return;
  }
  const milestones = (edition.milestones || []).filter(m => m.challenge === challenge);
  const initiatives = (edition.initiatives || []).filter(i => i.challenge === challenge);
  const wholeChallenge = card.indicators;
  show(mine, back,
    accent(el('h1', { class: 'challenge-title' }, challengeName(challenge)), challenge),
    el('p', { class: 'edition-context' }, `${t('asItStoodIn')} “${edition.title}” (${date(edition.asOf)})`),
    el('section', { class: 'summary', 'aria-label': t('reasons') },
      el('p', {}, statusBadge(card.status), ' ', `${t('asOf')} ${date(card.asOf)}`),
      milestoneBar(card.milestones), reasonsDetails(card)),
    wholeChallenge.length ? el('section', { class: 'spearhead' }, el('h2', {}, t('indicators')),
      el('ul', { class: 'indicators' }, wholeChallenge.map(frozenIndicator))) : null,
    card.spearheads.map(s => el('section', { class: 'spearhead', 'aria-labelledby': `esh-${s.spearhead}` },
      el('h2', { id: `esh-${s.spearhead}` }, text({ nl: s.titleNl, en: s.titleEn }) || s.spearhead, ' ', statusBadge(s.status)),
      el('h3', {}, t('milestones')),
      edition.milestones ? el('ul', { class: 'milestones' }, milestones.filter(m => m.spearhead === s.spearhead).map(m => frozenMilestone(m, card.asOf)))
        : el('p', {}, t('itemsNotCompared')),
      s.indicators.length ? [el('h3', {}, t('indicators')), el('ul', { class: 'indicators' }, s.indicators.map(frozenIndicator))] : null,
      initiatives.some(i => i.spearhead === s.spearhead) ? [el('h3', {}, t('initiatives')), el('ul', { class: 'initiatives' },
        initiatives.filter(i => i.spearhead === s.spearhead).map(i => el('li', {}, text({ nl: i.titleNl, en: i.titleEn }) || i.initiative,
          ` (${initiativeStatus(i.status)})`)))] : null)));
}

async function renderList(mine) {
  const editions = await api('/api/scorecards/editions');
  show(mine, el('p', {}, el('a', { href: '#/' }, `← ${t('back')}`)), el('h1', {}, t('editionsTitle')),
    canPublish() ? el('details', { class: 'editor' }, el('summary', {}, t('publish')),
      form('publish-edition', [field('publish-edition', 'title', t('editionTitle'), el('input', { type: 'text' }))], t('publish'),
        values => api('/api/scorecards/editions', { method: 'POST', body: values }))) : null,
    editions.length ? el('ul', { class: 'editions' }, editions.map(e => el('li', {},
      el('a', { href: `#/editions/${e.id}` }, e.title), ` — ${date(e.publishedAt)}, ${t('publishedBy')} ${e.publishedBy}`)))
      : el('p', {}, t('noEditions')));
}

/** One challenge of an edition, one edition when an id is given, else the list. */
export function renderEditions(id, mine, challenge) {
  if (id && challenge) return renderEditionChallenge(id, challenge, mine);
  return id ? renderEdition(id, mine) : renderList(mine);
}
