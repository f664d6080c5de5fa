// A challenge's initiatives: shown with partners and progress; edited by the team, progress reported by partners.
import { api } from '../api.js';
import { date, el } from '../dom.js';
import { field, form } from '../forms.js';
import { t, text } from '../i18n.js';
import { canEdit, isPartnerOf } from '../session.js';

const INITIATIVE_STATUSES = ['PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED'];

function select(options, selected) {
  return el('select', {}, options.map(([value, shown]) => el('option', { value, selected: value === selected }, shown)));
}

/** What the API takes from the form's values: partners from "name | TYPE" lines, tags from a comma list. */
function initiativeBody(values) {
  return {
    spearhead: values.spearhead, status: values.status,
    title: { nl: values.titleNl, en: values.titleEn || null },
    description: values.descriptionNl ? { nl: values.descriptionNl, en: null } : null,
    startDate: values.startDate || null, endDate: values.endDate || null,
    partners: values.partners.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
      const [name, type] = line.split('|').map(part => part.trim());
      return { name, type: type ? type.toUpperCase() : null };
    }),
    tags: values.tags.split(',').map(tag => tag.trim()).filter(Boolean)
  };
}

/** The form to add an initiative (no initiative given) or edit one. */
export function initiativeForm(code, spearheads, initiative) {
  const formId = initiative ? `edit-${initiative.id}` : 'new-initiative';
  const has = key => Boolean(initiative && initiative[key]);
  const fields = [
    initiative ? null : field(formId, 'id', t('initiativeId'), el('input', { type: 'text' })),
    field(formId, 'spearhead', t('spearhead'), select(spearheads.map(s => [s.code, text(s.title)]), initiative && initiative.spearhead)),
    field(formId, 'titleNl', t('titleNl'), el('input', { type: 'text', value: initiative ? initiative.title.nl : '' })),
    field(formId, 'titleEn', t('titleEn'), el('input', { type: 'text', value: initiative && initiative.title.en ? initiative.title.en : '' })),
    field(formId, 'descriptionNl', t('descriptionNl'), el('textarea', { rows: '3' }, has('description') ? initiative.description.nl : '')),
    field(formId, 'status', t('initiativeStatus'), select(INITIATIVE_STATUSES.map(v => [v, t(`initiativeStatuses.${v}`)]), initiative ? initiative.status : 'RUNNING')),
    field(formId, 'startDate', t('startDate'), el('input', { type: 'date', value: has('startDate') ? initiative.startDate : '' })),
    field(formId, 'endDate', t('endDate'), el('input', { type: 'date', value: has('endDate') ? initiative.endDate : '' })),
    field(formId, 'partners', t('partnersHelp'), el('textarea', { rows: '3' }, initiative ? initiative.partners.map(p => `${p.name} | ${p.type}`).join('\n') : '')),
    field(formId, 'tags', t('tags'), el('input', { type: 'text', value: initiative ? initiative.tags.join(', ') : '' }))];
  return form(formId, fields.filter(Boolean), t('save'), values => {
    const body = initiativeBody(values);
    return initiative
      ? api(`/api/${code}/initiatives/${initiative.id}`, { method: 'PUT', body, etag: `"${initiative.revision}"` })
      : api(`/api/${code}/initiatives`, { method: 'POST', body: { id: values.id, ...body } });
  });
}

function progressForm(code, initiative) {
  const formId = `progress-${initiative.id}`;
  return el('details', { class: 'editor' }, el('summary', {}, t('progress')),
    form(formId, [field(formId, 'text', t('progressText'), el('textarea', { rows: '2' }))], t('save'),
      values => api(`/api/${code}/initiatives/${initiative.id}/progress`, { method: 'POST', body: values })));
}

export function initiativeItem(code, initiative, spearheads) {
  const item = el('li', { class: 'initiative' }, el('h4', {}, text(initiative.title)),
    initiative.description ? el('p', {}, text(initiative.description)) : null,
    el('p', {}, `${t('partners')}: `, initiative.partners.length
      ? initiative.partners.map(p => `${p.name} (${p.type.toLowerCase().replace('_', ' ')})`).join(', ') : t('noPartners')),
    initiative.progress.length ? el('ul', {}, initiative.progress.map(p => el('li', {}, `${date(p.at)} — ${p.organisation || p.by}: ${p.text}`))) : null);
  if (canEdit(code)) {
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('editInitiative')), initiativeForm(code, spearheads, initiative)));
  }
  if (canEdit(code) || isPartnerOf(initiative)) item.append(progressForm(code, initiative));
  return item;
}
