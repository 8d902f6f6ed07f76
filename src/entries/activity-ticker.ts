import '../elements/activity-ticker/define.js';
export * from '../elements/activity-ticker/activity-ticker.js';
