import '../elements/visibility-chart/define.js';
export * from '../elements/visibility-chart/visibility-chart.js';
