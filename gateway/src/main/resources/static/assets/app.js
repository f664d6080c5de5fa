// The Board dashboard: public scorecards for everyone, editing for the teams that own a roadmap.
// Plain ES modules served by the gateway; charts by ECharts (WebJar); nothing is loaded from the internet.
import { CHALLENGES, lang, setLang, t, text } from './i18n.js';

const main = document.getElementById('main');
const live = document.getElementById('live');
let me = { authenticated: false, roles: [], organisation: '' };
const names = {};

// ---------- small helpers ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

let renderSeq = 0;
let notice = null; // a message that must survive the next renders for a while (e.g. a stale edit)
let liveRender = 0; // the render a live update started: it must not replace an editor someone opened meanwhile

/**
 * Replaces the page's content, unless a newer render started meanwhile (the user moved on while this one waited for
 * the API). Arrays are spread and empty parts left out.
 */
function show(render, ...parts) {
  if (render !== renderSeq) return;
  if (render === liveRender && busyEditing()) return; // the next render shows the change
  const shown = notice && notice.until > Date.now() ? el('p', { class: 'notice', role: 'alert' }, notice.text) : null;
  main.replaceChildren(...[shown, ...parts.flat()].filter(part => part !== null && part !== undefined && part !== false));
}

function csrf() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function api(path, { method = 'GET', body, etag } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrf();
  if (etag) headers['If-Match'] = etag;
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error((json && json.detail) || response.statusText);
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return json;
}

function number(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(value);
}

function date(value) {
  if (!value) return '–';
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' }).format(new Date(value));
}

function firstSentence(value) {
  const match = value.match(/^.*?[.!?](\s|$)/);
  return match ? match[0].trim() : value;
}

const STATUS_ICON = { GREEN: '✓', AMBER: '!', RED: '✕', NO_DATA: '?' };
const MILESTONE_STATUSES = ['PLANNED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'MISSED'];

/** Why a milestone or indicator colours the scorecard, in the chosen language. */
function reasonText(r) {
  const title = text({ nl: r.titleNl || r.title, en: r.titleEn || r.title });
  return `${title} — ${r.reason ? t(`reason.${r.reason}`) : r.why}`;
}

function statusBadge(status) {
  return el('span', { class: `badge status-${status}` }, el('span', { 'aria-hidden': 'true' }, STATUS_ICON[status] || '?'), ' ', t(`status.${status}`));
}

function milestoneBadge(status, overdue) {
  return el('span', { class: `badge milestone-${status}` }, t(`milestoneStatus.${status}`), overdue ? ` · ${t('overdue')}` : '');
}

function say(message) {
  live.textContent = message;
  live.classList.add('shown');
  clearTimeout(say.timer);
  say.timer = setTimeout(() => live.classList.remove('shown'), 4000);
}

function canEdit(challenge) {
  return me.roles.includes('admin') || me.roles.includes(`${challenge}-editor`);
}

function canReadHistory(challenge) {
  return canEdit(challenge) || me.roles.includes('board');
}

// ---------- forms: errors next to their fields, stale edits explained ----------

function field(form, name, label, input) {
  const id = `${form}-${name}`.replace(/[^a-zA-Z0-9-]/g, '-');
  input.id = id;
  input.name = name;
  input.setAttribute('aria-describedby', `${id}-error`);
  return el('p', { class: 'field' }, el('label', { for: id }, label), input, el('span', { class: 'error', id: `${id}-error` }));
}

function showErrors(form, error) {
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
      message.textContent = message.textContent ? `${message.textContent} ${e.message}` : (e.field === input.name ? e.message : `${e.field}: ${e.message}`);
      placed = true;
    }
  }
  if (!placed) general.textContent = error.status === 412 ? t('stale') : `${t('failed')}: ${error.message}`;
  const invalid = form.querySelector('[aria-invalid]');
  if (invalid) invalid.focus();
}

function form(id, fields, submitLabel, submit) {
  const node = el('form', { class: 'edit', id, novalidate: true }, fields, el('p', { class: 'form-error', role: 'alert' }),
    el('button', { type: 'submit' }, submitLabel));
  node.addEventListener('submit', async event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(node).entries());
    try {
      await submit(values);
      node.reset();
      say(t('saved'));
      await render();
    } catch (error) {
      if (error.status === 412) {
        notice = { text: t('stale'), until: Date.now() + 15000 };
        await render();
      } else {
        showErrors(node, error);
      }
    }
  });
  return node;
}

// ---------- session ----------

async function loadSession() {
  me = await api('/me').catch(() => ({ authenticated: false }));
  me.roles = me.roles || [];
  const session = document.getElementById('session');
  session.replaceChildren();
  if (me.authenticated) {
    const signOut = el('form', { method: 'post', action: '/logout', class: 'inline' },
      el('input', { type: 'hidden', name: '_csrf', value: csrf() }), el('button', { type: 'submit' }, t('signOut')));
    session.append(el('span', { class: 'who' }, `${t('signedInAs')} ${me.name}`), signOut);
  } else {
    session.append(el('a', { class: 'button', href: '/oauth2/authorization/keycloak' }, t('signIn')));
  }
}

// ---------- overview ----------

async function challengeNames() {
  await Promise.all(CHALLENGES.filter(c => !names[c]).map(async c => {
    names[c] = await api(`/api/${c}`).catch(() => ({ code: c, name: { nl: c, en: c }, ambition2025: null }));
  }));
}

function milestoneBar(m) {
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
    m.overdue > 0 ? ` · ${m.overdue} ${t('overdue')}` : ''));
}

function allIndicators(card) {
  return [...card.indicators, ...card.spearheads.flatMap(s => s.indicators)];
}

function indicatorProgress(i) {
  const label = `${text({ nl: i.nameNl, en: i.nameEn })}: ${i.latest ? number(i.latest.value) : t('noValue')} / ${number(i.target)} ${i.unit}`;
  return el('div', { class: 'indicator-progress' }, el('span', {}, label),
    el('progress', { max: '1', value: i.progress ?? 0, 'aria-label': label }));
}

async function renderOverview(mine) {
  const [board] = await Promise.all([api('/api/scorecards'), challengeNames()]);
  const cards = board.challenges.map(card => {
    const challenge = names[card.challenge];
    const headline = allIndicators(card).sort((a, b) => (b.latest ? 1 : 0) - (a.latest ? 1 : 0)).slice(0, 3);
    return el('article', { class: `card status-border-${card.status}`, 'data-challenge': card.challenge },
      el('h2', {}, el('a', { href: `#/c/${card.challenge}` }, text(challenge.name))),
      challenge.ambition2025 ? el('p', { class: 'ambition' }, firstSentence(text(challenge.ambition2025))) : null,
      statusBadge(card.status),
      card.reasons.length ? el('details', {}, el('summary', {}, `${t('reasons')} (${card.reasons.length})`),
        el('ul', {}, card.reasons.map(r => el('li', {}, reasonText(r))))) : null,
      el('h3', {}, t('milestones')), milestoneBar(card.milestones),
      headline.length ? el('h3', {}, t('indicators')) : null, headline.map(indicatorProgress),
      el('p', {}, el('a', { class: 'button', href: `#/c/${card.challenge}` }, t('open'))));
  });
  show(mine, 
    el('h1', {}, t('overviewTitle')), el('p', { class: 'intro' }, t('overviewIntro'), ' ', `${t('asOf')} ${date(board.asOf)}.`,
      ' ', el('a', { href: '#/editions' }, t('editions'))),
    el('div', { class: 'cards' }, cards));
}

// ---------- a challenge ----------

function chart(container, indicator, measurements, assessment) {
  const points = measurements.map(m => [m.date, m.value]);
  if (indicator.baseline && indicator.baseline.value !== null && indicator.baseline.date) points.unshift([indicator.baseline.date, indicator.baseline.value]);
  if (!window.echarts || points.length === 0) {
    container.replaceWith(el('p', { class: 'no-data' }, t('noValue')));
    return;
  }
  const series = [{
    name: t('chartMeasured'), type: 'line', data: points, symbolSize: 8,
    markLine: { symbol: 'none', label: { formatter: '{b}' }, data: [
      { name: t('chartTarget'), yAxis: indicator.target },
      { name: t('deadline'), xAxis: indicator.deadline }] }
  }];
  if (assessment && assessment.projectedValue !== null && points.length) {
    series.push({ name: t('chartProjection'), type: 'line', lineStyle: { type: 'dashed' }, symbol: 'none',
      data: [points[points.length - 1], [indicator.deadline, assessment.projectedValue]] });
  }
  const view = window.echarts.init(container, null, { renderer: 'canvas' });
  view.setOption({
    aria: { enabled: true }, animation: false, grid: { left: 60, right: 20, top: 30, bottom: 30 },
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'time', max: indicator.deadline }, yAxis: { type: 'value', scale: true }, series
  });
  window.addEventListener('resize', () => view.resize());
}

async function historyList(path) {
  const entries = (await api(`${path}?size=200`)).items; // a page, the latest first
  return el('ol', { class: 'history' }, entries.map(h =>
    el('li', {}, `${date(h.at)} — ${h.by}: ${h.action || (t(`milestoneStatus.${h.to}`))}${h.detail || h.note ? ` (${h.detail || h.note})` : ''}`)));
}

function historyButton(path) {
  const holder = el('div', {});
  const button = el('button', { type: 'button', class: 'link', onclick: async () => {
    holder.replaceChildren(await historyList(path));
    button.remove();
  } }, t('showHistory'));
  return el('div', {}, button, holder);
}

function milestoneItem(code, m) {
  const item = el('li', { class: 'milestone', 'data-milestone': m.id },
    el('p', {}, milestoneBadge(m.status, m.overdue), ' ', el('span', { class: 'deadline' }, `${t('deadline')} ${date(m.deadline)}`)),
    el('p', {}, text(m.title)));
  if (canEdit(code)) {
    const select = el('select', {}, MILESTONE_STATUSES.map(s => el('option', { value: s, selected: s === m.status }, t(`milestoneStatus.${s}`))));
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('changeStatus')),
      form(`status-${m.id}`, [field(`status-${m.id}`, 'status', t('changeStatus'), select),
        field(`status-${m.id}`, 'note', t('note'), el('textarea', { rows: '2' }))], t('save'),
        values => api(`/api/${code}/milestones/${m.id}/status`, { method: 'PUT', body: values, etag: `"${m.revision}"` }))));
  }
  if (canReadHistory(code)) item.append(historyButton(`/api/${code}/milestones/${m.id}/history`));
  return item;
}

function indicatorItem(code, indicator, assessment) {
  const chartBox = el('div', { class: 'chart', role: 'img', 'aria-label': `${text(indicator.name)}: ${t('chartMeasured')}, ${t('chartTarget')} ${number(indicator.target)}` });
  const item = el('li', { class: 'indicator', 'data-indicator': indicator.id },
    el('h4', {}, text(indicator.name)),
    el('p', {}, `${t('latest')}: `, el('strong', { class: 'latest-value' }, indicator.latest ? number(indicator.latest.value) : t('noValue')),
      ` · ${t('target')} ${number(indicator.target)} ${indicator.unit} · ${t('deadline')} ${date(indicator.deadline)}`),
    el('progress', { max: '1', value: indicator.progress ?? 0, 'aria-label': text(indicator.name) }),
    assessment && assessment.projectedValue !== null
      ? el('p', { class: 'projection' }, `${t('projected')}: ${number(assessment.projectedValue)} — ${assessment.onCourse ? t('onCourse') : t('offCourse')}`)
      : null,
    chartBox);
  api(`/api/${code}/indicators/${indicator.id}/measurements?size=200`).then(page => chart(chartBox, indicator, page.items.slice().reverse(), assessment)).catch(() => {});
  if (canEdit(code) && !indicator.computed) {
    const formId = `measure-${indicator.id}`;
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('recordMeasurement')),
      form(formId, [
        field(formId, 'date', t('date'), el('input', { type: 'date', value: new Date().toISOString().slice(0, 10) })),
        field(formId, 'value', `${t('value')} (${indicator.unit})`, el('input', { type: 'text', inputmode: 'decimal' })),
        field(formId, 'source', t('source'), el('input', { type: 'text' })),
        field(formId, 'note', t('note'), el('input', { type: 'text' }))], t('save'),
        values => api(`/api/${code}/indicators/${indicator.id}/measurements`, { method: 'POST', etag: `"${indicator.revision}"`,
          body: { ...values, value: values.value === '' ? null : Number(values.value.replace(',', '.')) } }))));
  }
  return item;
}

const INITIATIVE_STATUSES = ['PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED'];

/** The form to add an initiative (no initiative given) or edit one, partners as "name | TYPE" lines. */
function initiativeForm(code, spearheads, initiative) {
  const formId = initiative ? `edit-${initiative.id}` : 'new-initiative';
  const select = (options, selected) => el('select', {}, options.map(([value, shown]) => el('option', { value, selected: value === selected }, shown)));
  const fields = [
    initiative ? null : field(formId, 'id', t('initiativeId'), el('input', { type: 'text' })),
    field(formId, 'spearhead', t('spearhead'), select(spearheads.map(s => [s.code, text(s.title)]), initiative && initiative.spearhead)),
    field(formId, 'titleNl', t('titleNl'), el('input', { type: 'text', value: initiative ? initiative.title.nl : '' })),
    field(formId, 'titleEn', t('titleEn'), el('input', { type: 'text', value: initiative && initiative.title.en ? initiative.title.en : '' })),
    field(formId, 'descriptionNl', t('descriptionNl'), el('textarea', { rows: '3' }, initiative && initiative.description ? initiative.description.nl : '')),
    field(formId, 'status', t('initiativeStatus'), select(INITIATIVE_STATUSES.map(v => [v, t(`initiativeStatuses.${v}`)]), initiative ? initiative.status : 'RUNNING')),
    field(formId, 'startDate', t('startDate'), el('input', { type: 'date', value: initiative && initiative.startDate ? initiative.startDate : '' })),
    field(formId, 'endDate', t('endDate'), el('input', { type: 'date', value: initiative && initiative.endDate ? initiative.endDate : '' })),
    field(formId, 'partners', t('partnersHelp'), el('textarea', { rows: '3' }, initiative ? initiative.partners.map(p => `${p.name} | ${p.type}`).join('\n') : '')),
    field(formId, 'tags', t('tags'), el('input', { type: 'text', value: initiative ? initiative.tags.join(', ') : '' }))];
  return form(formId, fields.filter(Boolean), t('save'), values => {
    const body = {
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
    return initiative
      ? api(`/api/${code}/initiatives/${initiative.id}`, { method: 'PUT', body, etag: `"${initiative.revision}"` })
      : api(`/api/${code}/initiatives`, { method: 'POST', body: { id: values.id, ...body } });
  });
}

function initiativeItem(code, initiative, spearheads) {
  const item = el('li', { class: 'initiative' }, el('h4', {}, text(initiative.title)),
    initiative.description ? el('p', {}, text(initiative.description)) : null,
    el('p', {}, `${t('partners')}: `, initiative.partners.length
      ? initiative.partners.map(p => `${p.name} (${p.type.toLowerCase().replace('_', ' ')})`).join(', ') : t('noPartners')),
    initiative.progress.length ? el('ul', {}, initiative.progress.map(p => el('li', {}, `${date(p.at)} — ${p.organisation || p.by}: ${p.text}`))) : null);
  if (canEdit(code)) {
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('editInitiative')), initiativeForm(code, spearheads, initiative)));
  }
  const ownOrganisation = me.organisation && initiative.partners.some(p => p.name.toLowerCase() === me.organisation.toLowerCase());
  if (canEdit(code) || (me.roles.includes('partner') && ownOrganisation)) {
    const formId = `progress-${initiative.id}`;
    item.append(el('details', { class: 'editor' }, el('summary', {}, t('progress')),
      form(formId, [field(formId, 'text', t('progressText'), el('textarea', { rows: '2' }))], t('save'),
        values => api(`/api/${code}/initiatives/${initiative.id}/progress`, { method: 'POST', body: values }))));
  }
  return item;
}

/** The scorecard as a spreadsheet: one row per milestone and indicator, in the chosen language. */
function csvLink(code, card, challenge) {
  const quote = value => `"${String(value ?? '').replace(/"/g, '""')}"`;
  const rows = [['challenge', 'spearhead', 'kind', 'id', 'title', 'status', 'latest', 'target', 'deadline', 'projected', 'as of']];
  const spearheadTitle = s => text((challenge.spearheads.find(x => x.code === s) || {}).title) || s || t('wholeChallenge');
  for (const s of challenge.spearheads) {
    for (const m of s.milestones) rows.push([code, spearheadTitle(s.code), 'milestone', m.id, text(m.title), t(`milestoneStatus.${m.status}`), '', '', m.deadline, '', card.asOf]);
  }
  for (const i of allIndicators(card)) {
    rows.push([code, spearheadTitle(i.spearhead), 'indicator', i.indicator, text({ nl: i.nameNl, en: i.nameEn }), i.onCourse === null ? '' : (i.onCourse ? t('onCourse') : t('offCourse')),
      i.latest ? i.latest.value : '', i.target, i.deadline, i.projectedValue ?? '', card.asOf]);
  }
  const blob = new Blob([rows.map(r => r.map(quote).join(',')).join('\r\n')], { type: 'text/csv;charset=utf-8' });
  return el('a', { href: URL.createObjectURL(blob), download: `scorecard-${code}-${card.asOf}.csv`, class: 'csv' }, t('csv'));
}

async function renderReport(code, asOf, mine) {
  const query = asOf ? `?asOf=${asOf}` : '';
  const [challenge, card] = await Promise.all([api(`/api/${code}`), api(`/api/scorecards/${code}${query}`)]);
  show(mine, el('p', { class: 'actions' }, el('a', { href: `#/c/${code}` }, `← ${text(challenge.name)}`), ' ',
      el('button', { type: 'button', onclick: () => window.print() }, t('print'))),
    el('article', { class: 'report' },
      el('h1', {}, `${text(challenge.name)} — ${t('asOf')} ${date(card.asOf)}`),
      el('p', {}, el('strong', {}, `${t('ambition')}: `), text(challenge.ambition2025)),
      el('p', {}, statusBadge(card.status)), milestoneBar(card.milestones),
      card.reasons.length ? el('ul', {}, card.reasons.map(r => el('li', {}, reasonText(r)))) : null,
      challenge.spearheads.map(s => {
        const scored = card.spearheads.find(x => x.spearhead === s.code);
        return el('section', {}, el('h2', {}, text(s.title), ' ', scored ? statusBadge(scored.status) : null),
          s.vision ? el('p', {}, text(s.vision)) : null,
          el('ul', {}, s.milestones.map(m => el('li', {}, milestoneBadge(m.status, m.overdue), ' ', text(m.title)))),
          scored && scored.indicators.length ? el('table', {}, el('thead', {}, el('tr', {}, [t('indicators'), t('latest'), t('target'), t('deadline'), t('projected')].map(h => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, scored.indicators.map(i => el('tr', {}, el('td', {}, text({ nl: i.nameNl, en: i.nameEn })),
              el('td', {}, i.latest ? number(i.latest.value) : t('noValue')), el('td', {}, `${number(i.target)} ${i.unit}`),
              el('td', {}, date(i.deadline)), el('td', {}, i.projectedValue === null ? '–' : number(i.projectedValue)))))) : null);
      })));
}

async function renderEditions(id, mine) {
  if (id) {
    const [edition, diff] = await Promise.all([api(`/api/scorecards/editions/${id}`), api(`/api/scorecards/editions/${id}/diff`)]);
    await challengeNames();
    const nameOf = c => text(names[c] ? names[c].name : { nl: c });
    const changes = [
      ...diff.statuses.map(s => el('li', {}, `${nameOf(s.challenge)}${s.spearhead ? ` / ${s.spearhead}` : ''}: `,
        s.from ? t(`status.${s.from}`) : '–', ' → ', t(`status.${s.to}`))),
      ...diff.indicators.map(i => el('li', {}, `${nameOf(i.challenge)} / ${i.indicator}: ${t('valueChanged')} ${number(i.from)} → ${number(i.to)}`))];
    show(mine, el('p', {}, el('a', { href: '#/editions' }, `← ${t('editions')}`)),
      el('h1', {}, edition.title), el('p', {}, `${date(edition.publishedAt)}, ${t('publishedBy')} ${edition.publishedBy}`),
      el('div', { class: 'cards' }, edition.challenges.map(c => el('article', { class: `card status-border-${c.status}` },
        el('h2', {}, nameOf(c.challenge)), statusBadge(c.status), milestoneBar(c.milestones)))),
      el('h2', {}, t('changesSince')),
      diff.previous ? (changes.length ? el('ul', { class: 'diff' }, changes) : el('p', {}, t('noChanges'))) : el('p', {}, t('firstEdition')));
    return;
  }
  const editions = await api('/api/scorecards/editions');
  const canPublish = me.roles.includes('board') || me.roles.includes('admin');
  show(mine, el('p', {}, el('a', { href: '#/' }, `← ${t('back')}`)), el('h1', {}, t('editionsTitle')),
    canPublish ? el('details', { class: 'editor' }, el('summary', {}, t('publish')),
      form('publish-edition', [field('publish-edition', 'title', t('editionTitle'), el('input', { type: 'text' }))], t('publish'),
        values => api('/api/scorecards/editions', { method: 'POST', body: values }))) : null,
    editions.length ? el('ul', { class: 'editions' }, editions.map(e => el('li', {},
      el('a', { href: `#/editions/${e.id}` }, e.title), ` — ${date(e.publishedAt)}, ${t('publishedBy')} ${e.publishedBy}`)))
      : el('p', {}, t('noEditions')));
}

function lastQuarterEnds(count) {
  const ends = [];
  const day = new Date();
  let year = day.getUTCFullYear();
  let quarter = Math.floor(day.getUTCMonth() / 3); // the current quarter has not ended: start with the previous one
  for (let i = 0; i < count; i++) {
    if (quarter === 0) { quarter = 4; year -= 1; }
    const end = new Date(Date.UTC(year, quarter * 3, 0));
    ends.push(end.toISOString().slice(0, 10));
    quarter -= 1;
  }
  return ends;
}

function quarterName(end) {
  return `Q${Math.floor((Number(end.slice(5, 7)) - 1) / 3) + 1} ${end.slice(0, 4)}`;
}

/** All milestones of the challenge on one time axis; status by symbol shape and in the tooltip, not by colour alone. */
function timeline(challenge) {
  const box = el('div', { class: 'timeline', role: 'img', 'aria-label': t('timeline') });
  const shapes = { PLANNED: 'emptyCircle', ON_TRACK: 'circle', AT_RISK: 'triangle', ACHIEVED: 'rect', MISSED: 'diamond' };
  const colours = { PLANNED: '#505a5f', ON_TRACK: '#1d70b8', AT_RISK: '#8a4500', ACHIEVED: '#00703c', MISSED: '#b10e1e' };
  setTimeout(() => {
    if (!window.echarts || !box.isConnected) return;
    const series = Object.keys(shapes).map(status => ({
      name: t(`milestoneStatus.${status}`), type: 'scatter', symbol: shapes[status], symbolSize: 14, itemStyle: { color: colours[status] },
      data: challenge.spearheads.flatMap((s, row) => s.milestones.filter(m => m.status === status)
        .map(m => ({ value: [m.deadline, text(s.title)], name: text(m.title) })))
    }));
    window.echarts.init(box).setOption({
      animation: false, aria: { enabled: true }, legend: { top: 0 }, grid: { left: 180, right: 20, top: 40, bottom: 30 },
      tooltip: { formatter: p => `${p.seriesName}: ${p.name} (${date(p.value[0])})` },
      // from the roadmap's start to today or the last deadline, whichever is later
      xAxis: { type: 'time', min: '2016-01-01', max: [new Date().toISOString().slice(0, 10), ...challenge.spearheads.flatMap(s => s.milestones.map(m => m.deadline))].sort().pop() },
      yAxis: { type: 'category', data: challenge.spearheads.map(s => text(s.title)), axisLabel: { width: 170, overflow: 'truncate' } },
      series
    });
  }, 0);
  return el('div', {}, el('h2', { class: 'small' }, t('timeline')), box);
}

async function renderChallenge(code, asOf, mine) {
  if (!CHALLENGES.includes(code)) {
    show(mine, el('h1', {}, t('notFound')), el('p', {}, el('a', { href: '#/' }, t('back'))));
    return;
  }
  const query = asOf ? `?asOf=${asOf}` : '';
  const [challenge, card, indicators, initiatives] = await Promise.all([
    api(`/api/${code}`), api(`/api/scorecards/${code}${query}`), api(`/api/${code}/indicators?size=200`), api(`/api/${code}/initiatives?size=200`)]);
  names[code] = challenge;
  const assessments = Object.fromEntries(allIndicators(card).map(i => [i.indicator, i]));
  const asOfInput = el('input', { type: 'date', id: 'as-of', value: asOf || '', max: new Date().toISOString().slice(0, 10), min: '2016-01-01' });
  asOfInput.addEventListener('change', () => { location.hash = asOfInput.value ? `#/c/${code}?asOf=${asOfInput.value}` : `#/c/${code}`; });

  const spearheads = challenge.spearheads.map(s => {
    const scored = card.spearheads.find(x => x.spearhead === s.code);
    return el('section', { class: 'spearhead', 'aria-labelledby': `sh-${s.code}` },
      el('h2', { id: `sh-${s.code}` }, text(s.title), ' ', scored ? statusBadge(scored.status) : null),
      s.vision ? el('details', {}, el('summary', {}, t('vision')), el('p', {}, text(s.vision))) : null,
      el('h3', {}, t('milestones')), el('ul', { class: 'milestones' }, s.milestones.map(m => milestoneItem(code, m))),
      el('h3', {}, t('indicators')),
      el('ul', { class: 'indicators' }, indicators.items.filter(i => i.spearhead === s.code).map(i => indicatorItem(code, i, assessments[i.id]))),
      el('h3', {}, t('initiatives')),
      el('ul', { class: 'initiatives', 'data-spearhead': s.code }, initiatives.items.filter(i => i.spearhead === s.code)
        .map(i => initiativeItem(code, i, challenge.spearheads))));
  });
  const wholeChallenge = indicators.items.filter(i => !i.spearhead);
  show(mine, 
    el('p', { class: 'actions' }, el('a', { href: '#/' }, `← ${t('back')}`), ' ',
      el('a', { href: `#/c/${code}/report${query}` }, t('report')), ' ',
      csvLink(code, card, challenge), ' ',
      el('a', { href: `/embed.html?challenge=${code}` }, t('embed'))),
    el('h1', {}, text(challenge.name)),
    el('section', { class: 'summary', 'aria-label': t('reasons') },
      el('p', {}, el('strong', {}, `${t('ambition')}: `), text(challenge.ambition2025)),
      el('p', {}, statusBadge(card.status), ' ', `${t('asOf')} ${date(card.asOf)}`),
      el('p', { class: 'field inline-field' }, el('label', { for: 'as-of' }, t('asOfLabel')), asOfInput,
        asOf ? el('a', { href: `#/c/${code}`, class: 'button' }, t('today')) : null),
      el('p', { class: 'quarters' }, `${t('quarter')}: `, lastQuarterEnds(4).map(q => el('a', { href: `#/c/${code}?asOf=${q}`, class: 'button' }, quarterName(q)))),
      milestoneBar(card.milestones),
      card.reasons.length ? el('details', {}, el('summary', {}, `${t('reasons')} (${card.reasons.length})`),
        el('ul', {}, card.reasons.map(r => el('li', {}, reasonText(r))))) : null,
      timeline(challenge)),
    canEdit(code) ? el('div', { class: 'new-initiative' },
      el('details', { class: 'editor' }, el('summary', {}, t('newInitiative')), initiativeForm(code, challenge.spearheads))) : null,
    wholeChallenge.length ? el('section', { class: 'spearhead' }, el('h2', {}, t('indicators')),
      el('ul', { class: 'indicators' }, wholeChallenge.map(i => indicatorItem(code, i, assessments[i.id])))) : null,
    spearheads);
}

// ---------- routing, language, live updates ----------

function route() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query || '');
  if (parts[0] === 'editions') return { view: 'editions', id: parts[1] };
  if (parts[0] === 'c') return { view: parts[2] === 'report' ? 'report' : 'challenge', code: parts[1], asOf: params.get('asOf') };
  return { view: 'overview' };
}

async function render(live = false) {
  const mine = ++renderSeq;
  if (live) liveRender = mine;
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-lang]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
  try {
    const current = route();
    if (current.view === 'challenge') await renderChallenge(current.code, current.asOf, mine);
    else if (current.view === 'report') await renderReport(current.code, current.asOf, mine);
    else if (current.view === 'editions') await renderEditions(current.id, mine);
    else await renderOverview(mine);
  } catch (error) {
    show(mine, el('h1', {}, t('loadError')), el('p', {}, error.message));
  }
}

/** Someone has an editor open or is typing: a live update must not throw that away. */
function busyEditing() {
  return main.querySelector('details.editor[open]') !== null
    || [...main.querySelectorAll('form.edit textarea, form.edit input[type=text]')].some(input => input.value.trim() !== '');
}

function listen() {
  const stream = new EventSource('/api/scorecards/stream');
  let pending;
  stream.addEventListener('scorecard-changed', event => {
    const change = JSON.parse(event.data);
    const current = route();
    if ((current.view === 'challenge' && current.code !== change.challenge) || current.view === 'editions' || current.view === 'report') return;
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const name = text(names[change.challenge] ? names[change.challenge].name : { nl: change.challenge });
      if (busyEditing()) { // never throw away what someone is typing; the next render shows the change
        say(`${t('updated')}: ${name}`);
        return;
      }
      await render(true);
      say(`${t('updated')}: ${name}`);
    }, 300);
  });
}

document.querySelectorAll('[data-lang]').forEach(button => button.addEventListener('click', async () => {
  setLang(button.dataset.lang);
  await loadSession();
  await render();
}));
// before the session is known, the first render (below) picks up the new route itself
let started = false;
window.addEventListener('hashchange', () => { if (started) render().then(() => main.focus()); });

setLang(lang());
loadSession().then(() => { started = true; return render(); }).then(listen);
