// A measurement far outside what its indicator has known is refused (422) until the user confirms it: the page then
// asks, next to the value, with a box to tick, and sends the confirmation with the next save.
import { el } from './dom.js';
import { t } from './i18n.js';

/** Whether the refusal says the value needs confirming (the server's "implausible-value" naming the field `value`). */
export function needsConfirmation(error) {
  return error.status === 422 && Boolean(error.problem) && (error.problem.errors || []).some(e => e.field === 'value');
}

/** Says at the value, in the page's language, what the user can do (the server's detail speaks to API clients). */
export function explain(error) {
  error.problem.errors = error.problem.errors.map(e => (e.field === 'value' ? { ...e, message: t('implausibleHere') } : e));
  return error;
}

/** Adds the "yes, this value is right" box to the form (once), just above its error line. */
export function askToConfirm(formId) {
  const form = document.getElementById(formId);
  if (!form || form.querySelector('[name=confirmImplausible]')) return;
  const id = `${formId}-confirmImplausible`;
  form.querySelector('.form-error').before(el('p', { class: 'field confirm' },
    el('input', { type: 'checkbox', id, name: 'confirmImplausible', value: 'true' }), ' ', el('label', { for: id }, t('confirmImplausible'))));
}

/** The API's flag from the form's values: true only when the box was ticked. */
export function confirmation(values) {
  return values.confirmImplausible === 'true' ? { confirmImplausible: true } : {};
}
