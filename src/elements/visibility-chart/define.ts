import { ArcTarget } from '../target/target.js';
import { ArcVisibilityChart } from './visibility-chart.js';

ArcTarget.define();
ArcVisibilityChart.define('arc-visibility-chart');

export { ArcVisibilityChart, ArcTarget };
