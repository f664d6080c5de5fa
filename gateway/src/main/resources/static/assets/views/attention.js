// What needs the signed-in editor's attention in the challenges they edit (GET /api/reminders/attention): milestones
// overdue or due within a month, indicators without a recent value. The same list the weekly digest e-mails; each
// challenge with a link to subscribe to its milestone deadlines in a calendar. Shown only to editors and admins.
import { api } from '../api.js';
import { accent, challengeCodes, challengeName } from '../challenges.js';
import { date, el } from '../dom.js';
import { lang, t } from '../i18n.js';
import { canEdit } from '../session.js';

function itemText(item) {
  const title = (lang() === 'en' ? item.titleEn : item.titleNl) || item.titleNl || item.id;
  if (item.kind === 'indicator-stale') {
    return [el('strong', {}, t('attentionStale')), ' ', title, ' — ',
      item.date ? `${t('attentionLastValue')} ${date(item.date)} (${item.days} ${t('attentionDaysAgo')})` : t('noValue')];
  }
  const overdue = item.kind === 'milestone-overdue';
  return [el('strong', {}, t(overdue ? 'attentionOverdue' : 'attentionDue')), ' ', title, ' — ', `${t('deadline')} ${date(item.date)}`,
    ` (${overdue ? `${item.days} ${t('attentionDaysAgo')}` : `${t('attentionIn')} ${item.days} ${t('attentionDays')}`}), `,
    t(`milestoneStatus.${item.status}`)];
}

function challengeSection(entry) {
  return accent(el('section', { class: 'card challenge-accent attention', 'data-attention': entry.challenge },
    el('h3', {}, el('a', { href: `#/c/${entry.challenge}` }, challengeName(entry.challenge))),
    entry.items.length
      ? el('ul', {}, entry.items.map(item => el('li', { 'data-kind': item.kind, 'data-item': item.id }, itemText(item))))
      : el('p', {}, t('attentionNothing')),
    el('p', {}, el('a', { href: `/api/${entry.challenge}/milestones.ics` }, t('attentionCalendar')))), entry.challenge);
}

/** The panel for the overview, or null for visitors who edit no challenge (nothing is fetched for them). */
export async function attentionPanel() {
  if (!challengeCodes().some(canEdit)) return null;
  const list = await api('/api/reminders/attention').catch(() => null);
  if (!list || !list.challenges.length) return null;
  return el('section', { class: 'attention-panel', 'aria-labelledby': 'attention-title' },
    el('h2', { id: 'attention-title' }, t('attentionTitle')),
    el('p', {}, t('attentionIntro').replace('{due}', list.dueWithinDays).replace('{stale}', list.staleAfterDays)),
    el('div', { class: 'cards' }, list.challenges.map(challengeSection)));
}
