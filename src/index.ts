/**
 * arcsecond-widgets: registers every element and exports their classes. Import a single element's entry
 * (`arcsecond-widgets/visibility-chart.js`, …) to load less.
 */
export * from './entries/activity-ticker.js';
export * from './entries/sky-map.js';
export * from './entries/night-card.js';
export * from './entries/visibility-chart.js';
export * from './entries/provider.js';
export * from './elements/target/define.js';
export { ArcElement } from './elements/arc-element.js';
export * from './events.js';
