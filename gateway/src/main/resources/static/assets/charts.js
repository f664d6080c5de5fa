// The two ECharts views: an indicator's measurements against its target, and a challenge's milestone timeline.
// ECharts comes from the WebJar as a classic script (window.echarts); without it the text stays and charts are left out.
import { date, el, today } from './dom.js';
import { lang, t, text } from './i18n.js';
import { unitText } from './units.js';

const MONTH = 31 * 24 * 3600 * 1000;
const YEAR = 365 * 24 * 3600 * 1000;

function locale() {
  return lang() === 'en' ? 'en-GB' : 'nl-NL';
}

/** A value as the page shows it: whole numbers for counts, at most two decimals otherwise, in the page's language. */
export function formatValue(value, quantity) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: quantity === 'COUNT' ? 0 : 2 }).format(value);
}

function deadlinePassed(indicator) {
  return Boolean(indicator.deadline) && indicator.deadline < today();
}

/**
 * What to say about the indicator's outlook under its chart: the projection while the deadline lies ahead, and once it
 * has passed, whether the target was reached; nothing when there is nothing to say.
 */
export function indicatorOutlook(indicator, assessment) {
  const unit = unitText(indicator.unit, indicator.unitName);
  if (deadlinePassed(indicator)) {
    const latest = assessment ? assessment.latest : indicator.latest; // the scorecard's, which follows an as-of day
    const verdict = !latest ? t('deadlinePassedNoValue') : (assessment ? assessment.targetMet : reached(indicator, latest.value))
      ? t('deadlinePassedMet') : t('deadlinePassedMissed');
    return el('p', { class: 'projection deadline-passed' }, verdict);
  }
  if (assessment && assessment.projectedValue !== null && assessment.projectedValue !== undefined) {
    return el('p', { class: 'projection' }, `${t('projected')}: ${formatValue(assessment.projectedValue, indicator.quantity)} ${unit} — `
      + (assessment.onCourse ? t('onCourse') : t('offCourse')));
  }
  return null;
}

function reached(indicator, value) {
  return indicator.direction === 'DOWN' ? value <= indicator.target : value >= indicator.target;
}

/** The chart in words, for screen readers, in the page's language. */
export function chartDescription(indicator, measurements, assessment) {
  const unit = unitText(indicator.unit, indicator.unitName);
  const parts = [`${text(indicator.name)}.`];
  const base = indicator.baseline;
  if (base && base.value !== null && base.value !== undefined) {
    parts.push(`${t('chartBaseline')}: ${formatValue(base.value, indicator.quantity)} ${unit}${base.date ? ` (${date(base.date)})` : ''}.`);
  }
  if (measurements.length) {
    const last = measurements[measurements.length - 1];
    parts.push(`${measurements.length} ${t('chartMeasurements')}; ${t('latest').toLowerCase()} ${formatValue(last.value, indicator.quantity)} ${unit} (${date(last.date)}).`);
  } else {
    parts.push(`${t('noValue').charAt(0).toUpperCase()}${t('noValue').slice(1)}.`);
  }
  parts.push(`${t('chartTarget')}: ${formatValue(indicator.target, indicator.quantity)} ${unit}, ${t('deadline').toLowerCase()} ${date(indicator.deadline)}.`);
  const outlook = indicatorOutlook(indicator, assessment);
  if (outlook) parts.push(outlook.textContent);
  return parts.join(' ');
}

/**
 * Draws an indicator's measurements against its target: the target as a line with its deadline, the baseline as a
 * labelled point of its own (not a measurement), the projection only while the deadline lies ahead. The axes hold
 * the target and run to today or the deadline, whichever is later; numbers and dates follow the page's language.
 */
export function indicatorChart(container, indicator, measurements, assessment) {
  const quantity = indicator.quantity;
  const points = measurements.map(m => [m.date, m.value]).sort((a, b) => a[0].localeCompare(b[0]));
  const base = indicator.baseline && indicator.baseline.value !== null && indicator.baseline.value !== undefined && indicator.baseline.date
    ? [indicator.baseline.date, indicator.baseline.value] : null;
  const description = chartDescription(indicator, measurements.slice().sort((a, b) => a.date.localeCompare(b.date)), assessment);
  container.setAttribute('aria-label', description);
  if (points.length === 0 && !base) { // the card above says so already: no empty axes
    container.replaceWith(el('p', { class: 'no-data' }, t('noValue')));
    return;
  }
  if (!window.echarts) {
    container.replaceWith(el('p', { class: 'no-data' }, description));
    return;
  }
  const value = v => formatValue(v, quantity);
  const day = v => new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(v));
  const end = [today(), indicator.deadline].filter(Boolean).sort().pop();
  const start = [base && base[0], points.length && points[0][0], indicator.deadline].filter(Boolean).sort()[0];
  const series = [];
  if (points.length) {
    series.push({ name: t('chartMeasured'), type: 'line', data: points, symbolSize: 8, itemStyle: { color: '#1d70b8' }, z: 3 });
  }
  if (base) {
    series.push({ name: t('chartBaseline'), type: 'scatter', data: [base], symbol: 'diamond', symbolSize: 13, itemStyle: { color: '#505a5f' },
      label: { show: true, position: 'right', formatter: () => t('chartBaseline'), color: '#0b0c0c' } });
  }
  // the target as a point at the deadline (so the axes take it in) with a line across and the deadline upright
  series.push({ name: t('chartTarget'), type: 'scatter', data: [[indicator.deadline, indicator.target]], symbol: 'rect', symbolSize: 11,
    itemStyle: { color: '#00703c' },
    markLine: { symbol: 'none', silent: true, animation: false, data: [
      { yAxis: indicator.target, lineStyle: { color: '#00703c', type: 'dashed', width: 2 },
        label: { formatter: `${t('chartTarget')} ${value(indicator.target)}`, position: 'insideStartTop', color: '#0b0c0c' } },
      { xAxis: indicator.deadline, lineStyle: { color: '#0b0c0c', type: 'dotted' },
        label: { formatter: `${t('deadline')} ${day(indicator.deadline)}`, position: 'insideEndTop', color: '#0b0c0c' } }] } });
  if (!deadlinePassed(indicator) && assessment && assessment.projectedValue !== null && assessment.projectedValue !== undefined) {
    const from = points.length ? points[points.length - 1] : base;
    if (from) {
      series.push({ name: t('chartProjection'), type: 'line', lineStyle: { type: 'dashed' }, symbol: 'none', itemStyle: { color: '#8a4500' },
        data: [from, [indicator.deadline, assessment.projectedValue]] });
    }
  }
  const longAxis = new Date(end) - new Date(start) > 3 * YEAR;
  // a little room after the last day, so that a point on it is drawn whole
  const after = new Date(new Date(end).getTime() + Math.max(MONTH / 2, (new Date(end) - new Date(start)) / 40)).toISOString().slice(0, 10);
  const view = window.echarts.init(container, null, { renderer: 'canvas' });
  view.setOption({
    aria: { enabled: true, label: { description } }, animation: false,
    grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
    tooltip: { trigger: 'item', formatter: p => `${p.seriesName}: ${value(p.value[1])} ${unitText(indicator.unit, indicator.unitName)} (${day(p.value[0])})` },
    legend: { top: 0 },
    // years on a long axis, months on a short one; never a tick finer than the labels say
    xAxis: { type: 'time', min: start, max: after, minInterval: longAxis ? YEAR : MONTH,
      axisLabel: { hideOverlap: true, formatter: v => new Intl.DateTimeFormat(locale(), longAxis ? { year: 'numeric' } : { month: 'short', year: 'numeric' }).format(new Date(v)) } },
    yAxis: { type: 'value', scale: true, minInterval: quantity === 'COUNT' ? 1 : 0, axisLabel: { formatter: v => value(v) } },
    series
  });
  window.addEventListener('resize', () => view.resize());
}

/** All milestones of the challenge on one time axis; status by symbol shape and in the tooltip, not by colour alone. */
export function timeline(challenge) {
  const box = el('div', { class: 'timeline', role: 'img', 'aria-label': t('timeline') });
  const shapes = { PLANNED: 'emptyCircle', ON_TRACK: 'circle', AT_RISK: 'triangle', ACHIEVED: 'rect', MISSED: 'diamond' };
  const colours = { PLANNED: '#505a5f', ON_TRACK: '#1d70b8', AT_RISK: '#8a4500', ACHIEVED: '#00703c', MISSED: '#b10e1e' };
  // ECharts needs the box in the document to measure it: draw once the render has shown it
  setTimeout(() => {
    if (!window.echarts || !box.isConnected) return;
    const series = Object.keys(shapes).map(status => ({
      name: t(`milestoneStatus.${status}`), type: 'scatter', symbol: shapes[status], symbolSize: 14, itemStyle: { color: colours[status] },
      data: challenge.spearheads.flatMap(s => s.milestones.filter(m => m.status === status)
        .map(m => ({ value: [m.deadline, text(s.title)], name: text(m.title) })))
    }));
    const chart = window.echarts.init(box);
    const draw = () => {
      // at phone width the spearheads' names get less room and the dates leave out what would overlap
      const narrow = box.clientWidth < 500;
      const labelWidth = narrow ? 90 : 170;
      chart.setOption({
        animation: false, aria: { enabled: true }, legend: { top: 0 }, grid: { left: labelWidth + 10, right: 20, top: narrow ? 70 : 40, bottom: 30 },
        tooltip: { formatter: p => `${p.seriesName}: ${p.name} (${date(p.value[0])})` },
        // from the roadmap's start to today or the last deadline, whichever is later
        xAxis: { type: 'time', axisLabel: { hideOverlap: true }, splitNumber: narrow ? 3 : 6, min: '2016-01-01', max: [today(), ...challenge.spearheads.flatMap(s => s.milestones.map(m => m.deadline))].sort().pop() },
        yAxis: { type: 'category', data: challenge.spearheads.map(s => text(s.title)), axisLabel: { width: labelWidth, overflow: 'truncate' } },
        series
      });
    };
    draw();
    // a phone turned or a window narrowed: the timeline follows its box instead of running off the page
    window.addEventListener('resize', () => { if (box.isConnected) { chart.resize(); draw(); } });
  }, 0);
  return el('div', {}, el('h2', { class: 'small' }, t('timeline')), box);
}
