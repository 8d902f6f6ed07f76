import { ArcTarget } from './target.js';

ArcTarget.define('arc-target');

export { ArcTarget };
