// A challenge's initiatives: shown with partners and progress; edited by the team, progress reported by partners.
import { api } from '../api.js';
import { date, el } from '../dom.js';
import { field, form } from '../forms.js';
import { t, text } from '../i18n.js';
import { canEdit, canReadHistory, isPartnerOf } from '../session.js';
import { pagedHistory } from './roadmap.js';
import { partnerTypeText } from '../units.js';

const INITIATIVE_STATUSES = ['PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED'];
const PARTNER_TYPES = ['BUSINESS', 'GOVERNMENT', 'KNOWLEDGE_INSTITUTION', 'CIVIL_SOCIETY'];

function select(options, selected) {
  return el('select', {}, options.map(([value, shown]) => el('option', { value, selected: value === selected }, shown)));
}

/** The short name in the URL made from a title: lower case words joined by hyphens, accents dropped. */
export function slug(title) {
  return title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * The partners as rows of a name and a kind chosen from the API's four (no words to type), each named
 * partners[i].name / partners[i].type, as the API names them in its errors, so that a refusal shows at its row.
 */
function partnerPicker(formId, partners) {
  const rows = el('ol', { class: 'partner-rows' });
  const addRow = (partner = { name: '', type: 'BUSINESS' }) => {
    const index = rows.children.length;
    const id = `${formId}-partner-${index}`;
    const type = el('select', { id: `${id}-type`, name: `partners[${index}].type`, 'aria-describedby': `${id}-type-error` },
      PARTNER_TYPES.map(v => el('option', { value: v, selected: v === partner.type }, partnerTypeText(v))));
    const name = el('input', { type: 'text', id: `${id}-name`, name: `partners[${index}].name`, value: partner.name,
      'aria-describedby': `${id}-name-error` });
    const row = el('li', { class: 'partner-row' },
      el('label', { for: `${id}-name` }, t('partnerName')), name, el('span', { class: 'error', id: `${id}-name-error` }),
      el('label', { for: `${id}-type` }, t('partnerType')), type, el('span', { class: 'error', id: `${id}-type-error` }),
      el('button', { type: 'button', class: 'link', onclick: () => { row.remove(); renumber(); } }, t('removePartner')));
    rows.append(row);
  };
  // rows keep their numbers in order after one is removed, so that errors find them
  const renumber = () => [...rows.children].forEach((row, i) => row.querySelectorAll('[name^="partners["]').forEach(input => {
    input.name = input.name.replace(/^partners\[\d+\]/, `partners[${i}]`);
  }));
  partners.forEach(addRow);
  return el('fieldset', { class: 'partners field', id: `${formId}-partners` }, el('legend', {}, t('partners')),
    el('span', { class: 'error', id: `${formId}-partners-error` }), rows,
    el('button', { type: 'button', onclick: () => addRow() }, t('addPartner')));
}

/** The partners from the picker's rows (a row without a name is left out). */
function partnersOf(values) {
  const partners = [];
  for (const [key, value] of Object.entries(values)) {
    const match = key.match(/^partners\[(\d+)\]\.(name|type)$/);
    if (match) (partners[Number(match[1])] ||= {})[match[2]] = value.trim();
  }
  return partners.filter(p => p && p.name);
}

/** What the API takes from the form's values: partners from the picker, tags from a comma list. */
function initiativeBody(values) {
  return {
    spearhead: values.spearhead, status: values.status,
    title: { nl: values.titleNl, en: values.titleEn || null },
    description: values.descriptionNl ? { nl: values.descriptionNl, en: null } : null,
    startDate: values.startDate || null, endDate: values.endDate || null,
    partners: partnersOf(values),
    tags: values.tags.split(',').map(tag => tag.trim()).filter(Boolean)
  };
}

/** The form to add an initiative (no initiative given) or edit one. */
export function initiativeForm(code, spearheads, initiative) {
  const formId = initiative ? `edit-${initiative.id}` : 'new-initiative';
  const has = key => Boolean(initiative && initiative[key]);
  const fields = [
    initiative ? null : field(formId, 'id', t('initiativeIdAuto'), el('input', { type: 'text' })),
    field(formId, 'spearhead', t('spearhead'), select(spearheads.map(s => [s.code, text(s.title)]), initiative && initiative.spearhead)),
    field(formId, 'titleNl', t('titleNl'), el('input', { type: 'text', value: initiative ? initiative.title.nl : '' })),
    field(formId, 'titleEn', t('titleEn'), el('input', { type: 'text', value: initiative && initiative.title.en ? initiative.title.en : '' })),
    field(formId, 'descriptionNl', t('descriptionNl'), el('textarea', { rows: '3' }, has('description') ? initiative.description.nl : '')),
    field(formId, 'status', t('initiativeStatus'), select(INITIATIVE_STATUSES.map(v => [v, t(`initiativeStatuses.${v}`)]), initiative ? initiative.status : 'RUNNING')),
    field(formId, 'startDate', t('startDate'), el('input', { type: 'date', value: has('startDate') ? initiative.startDate : '' })),
    field(formId, 'endDate', t('endDate'), el('input', { type: 'date', value: has('endDate') ? initiative.endDate : '' })),
    partnerPicker(formId, initiative ? initiative.partners : [{ name: '', type: 'BUSINESS' }]),
    field(formId, 'tags', t('tags'), el('input', { type: 'text', value: initiative ? initiative.tags.join(', ') : '' }))];
  const node = form(formId, fields.filter(Boolean), t('save'), values => {
    const body = initiativeBody(values);
    return initiative
      ? api(`/api/${code}/initiatives/${initiative.id}`, { method: 'PUT', body, etag: `"${initiative.revision}"` })
      : api(`/api/${code}/initiatives`, { method: 'POST', body: { id: values.id, ...body } });
  });
  if (!initiative) { // the short name follows the Dutch title until someone types one of their own
    const id = node.querySelector('[name=id]');
    const title = node.querySelector('[name=titleNl]');
    id.addEventListener('input', () => { id.dataset.typed = id.value ? 'true' : ''; });
    title.addEventListener('input', () => { if (!id.dataset.typed) id.value = slug(title.value); });
  }
  return node;
}

function progressForm(code, initiative) {
  const formId = `progress-${initiative.id}`;
  return el('details', { class: 'editor' }, el('summary', {}, t('progress')),
    form(formId, [field(formId, 'text', t('progressText'), el('textarea', { rows: '2' }))], t('save'),
      values => api(`/api/${code}/initiatives/${initiative.id}/progress`, { method: 'POST', body: values })));
}

/** An initiative card: status, period, partners, tags and the latest progress (the earlier ones folded away). */
export function initiativeItem(code, initiative, spearheads, asOf) {
  const progress = initiative.progress.slice().reverse(); // the API gives them oldest first
  const update = p => el('li', {}, `${date(p.at)} — ${p.organisation || p.by}: ${p.text}`);
  const item = el('li', { class: 'initiative', 'data-initiative': initiative.id }, el('h4', {}, text(initiative.title)),
    el('p', { class: 'initiative-facts' }, el('span', { class: `badge initiative-${initiative.status}` }, t(`initiativeStatuses.${initiative.status}`)),
      initiative.startDate || initiative.endDate
        ? ` · ${t('period')}: ${date(initiative.startDate)} – ${initiative.endDate ? date(initiative.endDate) : t('noEnd')}` : ''),
    initiative.description ? el('p', {}, text(initiative.description)) : null,
    el('p', {}, `${t('partners')}: `, initiative.partners.length
      ? initiative.partners.flatMap((p, i) => [i ? ', ' : '', `${p.name} (`, el('span', { class: 'partner-type' }, partnerTypeText(p.type, p.typeLabel)), ')'])
      : t('noPartners')),
    initiative.tags.length ? el('p', { class: 'tags' }, `${t('tagsShown')}: `, initiative.tags.flatMap((tag, i) => [i ? ' ' : '', el('span', { class: 'tag' }, tag)])) : null,
    progress.length && !asOf ? el('div', { class: 'latest-progress' }, el('h5', {}, t('latestProgress')), el('ul', {}, update(progress[0])),
      progress.length > 1 ? el('details', {}, el('summary', {}, `${t('moreProgress')} (${initiative.progressCount})`),
        el('ul', {}, progress.slice(1).map(update))) : null) : null);
  if (asOf) return item;
  if (canEdit(code)) {
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('editInitiative')), initiativeForm(code, spearheads, initiative)));
  }
  if (canEdit(code) || isPartnerOf(initiative)) item.append(progressForm(code, initiative));
  if (canReadHistory(code)) item.append(pagedHistory(`/api/${code}/initiatives/${initiative.id}/history`, text(initiative.title)));
  return item;
}
