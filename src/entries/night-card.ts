import '../elements/night-card/define.js';
export * from '../elements/night-card/night-card.js';
