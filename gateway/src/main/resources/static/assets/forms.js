// Editing forms: errors from problem+json shown next to their fields, a stale edit (412) explained at the form.
import { el } from './dom.js';
import { t } from './i18n.js';
import { keepNotice, refresh, say, unsay } from './page.js';

/** A labelled input with a place for its error, ids derived from the form's id so that several forms can coexist. */
export function field(form, name, label, input) {
  const id = `${form}-${name}`.replace(/[^a-zA-Z0-9-]/g, '-');
  input.id = id;
  input.name = name;
  input.setAttribute('aria-describedby', `${id}-error`);
  return el('p', { class: 'field' }, el('label', { for: id }, label), input, el('span', { class: 'error', id: `${id}-error` }));
}

/** Puts each field error of a refusal next to its field (focusing the first); the rest goes above the button. */
export function showErrors(form, error) {
  form.querySelectorAll('.error').forEach(e => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  general.textContent = '';
  const errors = (error.problem && error.problem.errors) || [];
  let placed = false;
  for (const e of errors) {
    // partners[0].type belongs to the partners field, title.nl to titleNl when the form has one
    const candidates = [e.field, e.field.replace(/\.(\w)/, (m, c) => c.toUpperCase()), e.field.split(/[.[]/)[0]];
    const input = candidates.map(name => form.querySelector(`[name="${name}"]`)).find(Boolean);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const message = document.getElementById(`${input.id}-error`);
      // title.nl shown at titleNl needs no field name; a part of a field (partners[1].type at partners) does
      const own = e.field === input.name || candidates[1] === input.name;
      message.textContent = message.textContent ? `${message.textContent} ${e.message}` : (own ? e.message : `${e.field}: ${e.message}`);
      placed = true;
    }
  }
  if (!placed) general.textContent = error.status === 412 ? t('stale') : `${t('failed')}: ${error.message}`;
  const invalid = form.querySelector('[aria-invalid]');
  if (invalid) invalid.focus();
}

/**
 * A form that hands its values to `submit` (which calls the API) and re-renders the page once it is saved. When
 * someone else changed the thing meanwhile (412), `current` (if given) fetches what the server has now: it is shown
 * beside the form, which keeps what was typed, so that the user can compare and save again.
 */
export function form(id, fields, submitLabel, submit, { current } = {}) {
  const node = el('form', { class: 'edit', id, novalidate: true }, fields, el('p', { class: 'form-error', role: 'alert' }),
    el('button', { type: 'submit' }, submitLabel));
  node.addEventListener('submit', async event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(node).entries());
    try {
      await submit(values);
      node.removeAttribute('data-stale');
      node.reset();
      say(t('saved'));
      await refresh();
    } catch (error) {
      if (error.status === 412 && current) {
        await showStale(node, current);
      } else if (error.status === 412) {
        keepNotice(t('stale'), 15000);
        await refresh();
      } else {
        showErrors(node, error);
      }
    }
  });
  return node;
}

/** A stale edit: said at the form, what was typed kept, and what the server has now beside it. */
async function showStale(node, current) {
  showErrors(node, {});
  node.setAttribute('data-stale', 'true');
  unsay();
  const general = node.querySelector('.form-error');
  general.textContent = t('staleHere');
  let now;
  try {
    now = await current();
  } catch (error) {
    now = `${t('failed')}: ${error.message}`;
  }
  const box = node.querySelector('.server-value') || el('div', { class: 'server-value' });
  box.replaceChildren(el('p', { class: 'server-value-label' }, t('serverNow')), el('p', {}, now));
  general.after(box);
  general.scrollIntoView({ block: 'center' });
}
