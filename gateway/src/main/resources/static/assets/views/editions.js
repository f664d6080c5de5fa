// The published scorecard editions: the list (and publishing one, for the Board), and one edition with what changed.
import { api } from '../api.js';
import { accent, challengeName } from '../challenges.js';
import { date, el, number } from '../dom.js';
import { form, field } from '../forms.js';
import { t } from '../i18n.js';
import { show } from '../page.js';
import { milestoneBar, statusBadge } from '../scorecard.js';
import { canPublish } from '../session.js';

function changeList(diff) {
  const changes = [
    ...diff.statuses.map(s => el('li', {}, `${challengeName(s.challenge)}${s.spearhead ? ` / ${s.spearhead}` : ''}: `,
      s.from ? t(`status.${s.from}`) : '–', ' → ', t(`status.${s.to}`))),
    ...diff.indicators.map(i => el('li', {}, `${challengeName(i.challenge)} / ${i.indicator}: ${t('valueChanged')} ${number(i.from)} → ${number(i.to)}`))];
  if (!diff.previous) return el('p', {}, t('firstEdition'));
  return changes.length ? el('ul', { class: 'diff' }, changes) : el('p', {}, t('noChanges'));
}

async function renderEdition(id, mine) {
  const [edition, diff] = await Promise.all([api(`/api/scorecards/editions/${id}`), api(`/api/scorecards/editions/${id}/diff`)]);
  show(mine, el('p', {}, el('a', { href: '#/editions' }, `← ${t('editions')}`)),
    el('h1', {}, edition.title), el('p', {}, `${date(edition.publishedAt)}, ${t('publishedBy')} ${edition.publishedBy}`),
    el('div', { class: 'cards' }, edition.challenges.map(c => accent(el('article', { class: `card challenge-accent status-border-${c.status}` },
      el('h2', {}, challengeName(c.challenge)), statusBadge(c.status), milestoneBar(c.milestones)), c.challenge))),
    el('h2', {}, t('changesSince')),
    changeList(diff));
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

/** One edition when an id is given, else the list. */
export function renderEditions(id, mine) {
  return id ? renderEdition(id, mine) : renderList(mine);
}
