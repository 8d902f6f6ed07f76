import { ArcTarget } from '../target/target.js';
import { ArcSkyMap } from './sky-map.js';

ArcTarget.define();
ArcSkyMap.define('arc-sky-map');

export { ArcSkyMap, ArcTarget };
