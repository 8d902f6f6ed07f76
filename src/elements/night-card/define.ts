import { ArcNightCard } from './night-card.js';

ArcNightCard.define('arc-night-card');

export { ArcNightCard };
