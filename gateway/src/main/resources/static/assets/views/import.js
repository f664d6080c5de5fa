// A challenge team's upload of measurements (a CSV file from its spreadsheet): choose the file, see what it would do
// row by row (a dry run: new, unchanged, errors with their line and column), then confirm. The service checks every
// row again on confirmation and writes all or nothing. Its texts are here, in both languages, to keep the module whole.
import { csrf } from '../api.js';
import { el, number } from '../dom.js';
import { lang } from '../i18n.js';
import { refresh, say } from '../page.js';

const TEXTS = {
  nl: {
    title: 'Metingen importeren (CSV)', file: 'Bestand (CSV, kolommen indicator, datum, waarde, bron, toelichting)',
    check: 'Controleren', confirm: 'Importeren', line: 'Regel', column: 'Kolom', problem: 'Fout',
    summary: (r) => `${r.total} rijen: ${r.added} nieuw, ${r.unchanged} ongewijzigd, ${r.errors} met fouten.`,
    fixFirst: 'Verbeter de fouten in het bestand en kies het opnieuw: er wordt niets geïmporteerd zolang er fouten zijn.',
    nothingNew: 'Alles in dit bestand staat er al; importeren verandert niets.',
    imported: (r) => `${r.added} metingen geïmporteerd.`, failed: 'Dat lukte niet', chooseFile: 'Kies eerst een bestand.',
    outcome: { NEW: 'nieuw', UNCHANGED: 'ongewijzigd', ERROR: 'fout' }, more: (n) => `en nog ${n} fouten`
  },
  en: {
    title: 'Import measurements (CSV)', file: 'File (CSV, columns indicator, date, value, source, note)',
    check: 'Check', confirm: 'Import', line: 'Line', column: 'Column', problem: 'Error',
    summary: (r) => `${r.total} rows: ${r.added} new, ${r.unchanged} unchanged, ${r.errors} with errors.`,
    fixFirst: 'Correct the errors in the file and choose it again: nothing is imported while there are errors.',
    nothingNew: 'Everything in this file is there already; importing changes nothing.',
    imported: (r) => `${r.added} measurements imported.`, failed: 'That did not work', chooseFile: 'Choose a file first.',
    outcome: { NEW: 'new', UNCHANGED: 'unchanged', ERROR: 'error' }, more: (n) => `and ${n} more errors`
  }
};
const SHOWN_ERRORS = 200;

function tr(key) {
  return TEXTS[lang()][key];
}

/** Sends the file as it is (the service detects separators, decimal commas and a byte order mark itself). */
async function send(code, file, dryRun) {
  const response = await fetch(`/api/${code}/indicators/measurements/import?dryRun=${dryRun}`, {
    method: 'POST', credentials: 'same-origin', body: await file.arrayBuffer(),
    headers: { 'Content-Type': 'text/csv', Accept: 'application/json', 'Accept-Language': lang(), 'X-XSRF-TOKEN': csrf() }
  });
  const json = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error((json && json.detail) || response.statusText);
    error.problem = json;
    throw error;
  }
  return json;
}

function errorTable(errors) {
  return el('table', { class: 'import-errors' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, tr('line')), el('th', { scope: 'col' }, tr('column')), el('th', { scope: 'col' }, tr('problem')))),
    el('tbody', {}, errors.slice(0, SHOWN_ERRORS).map(e => el('tr', { 'data-line': e.line },
      el('td', {}, String(e.line)), el('td', {}, e.field || '–'), el('td', {}, e.message)))),
    errors.length > SHOWN_ERRORS ? el('caption', {}, tr('more')(errors.length - SHOWN_ERRORS)) : null);
}

/** What the dry run found: the counts, per indicator how many values are new, every row error. */
function preview(report) {
  const errors = report.rows.flatMap(r => r.errors);
  return el('div', { class: 'import-preview' },
    el('p', { class: 'import-summary' }, tr('summary')(report)),
    el('ul', {}, report.indicators.filter(i => i.added > 0).map(i => el('li', {}, `${i.indicator}: ${number(i.added)} ${tr('outcome').NEW}`))),
    errors.length ? errorTable(errors) : null);
}

/** The upload for editors of `code`: a file, its preview, then the import itself. */
export function importPanel(code) {
  const formId = `import-${code}`;
  const input = el('input', { type: 'file', id: `${formId}-file`, name: 'file', accept: '.csv,text/csv' });
  const result = el('div', { class: 'import-result', 'aria-live': 'polite' });
  const message = el('p', { class: 'form-error', role: 'alert' });
  const confirm = el('button', { type: 'button', class: 'import-confirm' }, tr('confirm'));
  // offered only after a dry run without errors (a style, as the stylesheet's buttons would show a [hidden] one)
  const offer = shown => { confirm.style.display = shown ? '' : 'none'; };
  offer(false);
  const check = el('button', { type: 'button', class: 'import-check' }, tr('check'));

  check.addEventListener('click', async () => {
    message.textContent = '';
    offer(false);
    result.replaceChildren();
    const file = input.files[0];
    if (!file) { message.textContent = tr('chooseFile'); return; }
    try {
      const report = await send(code, file, true);
      result.replaceChildren(preview(report));
      if (report.errors > 0) result.append(el('p', {}, tr('fixFirst')));
      else if (report.added === 0) result.append(el('p', {}, tr('nothingNew')));
      else offer(true);
    } catch (error) {
      message.textContent = `${tr('failed')}: ${error.message}`;
      if (error.problem && error.problem.errors) result.replaceChildren(errorTable(error.problem.errors));
    }
  });
  confirm.addEventListener('click', async () => {
    message.textContent = '';
    try {
      const report = await send(code, input.files[0], false);
      offer(false);
      say(tr('imported')(report));
      await refresh();
    } catch (error) {
      message.textContent = `${tr('failed')}: ${error.message}`;
      if (error.problem && error.problem.errors) result.replaceChildren(errorTable(error.problem.errors));
    }
  });
  input.addEventListener('change', () => { offer(false); result.replaceChildren(); message.textContent = ''; });

  return el('details', { class: 'editor import', id: formId }, el('summary', {}, tr('title')),
    el('p', { class: 'field' }, el('label', { for: input.id }, tr('file')), input),
    el('p', {}, check, ' ', confirm), message, result);
}
