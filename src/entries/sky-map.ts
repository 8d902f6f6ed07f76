import '../elements/sky-map/define.js';
export * from '../elements/sky-map/sky-map.js';
