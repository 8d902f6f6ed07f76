import { ArcActivityTicker } from './activity-ticker.js';

ArcActivityTicker.define('arc-activity-ticker');

export { ArcActivityTicker };
