// The two ECharts views: an indicator's measurements against its target, and a challenge's milestone timeline.
// ECharts comes from the WebJar as a classic script (window.echarts); without it the text stays and charts are left out.
import { date, el, today } from './dom.js';
import { t, text } from './i18n.js';

/** Draws an indicator's measurements (from its baseline) with target, deadline and, when there is one, the projection. */
export function indicatorChart(container, indicator, measurements, assessment) {
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
