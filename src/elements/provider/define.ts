import { ArcProvider } from './provider.js';

ArcProvider.define('arc-provider');

export { ArcProvider };
