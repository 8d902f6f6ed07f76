// Pure astronomy on astronomy-engine. No DOM; runs in Node and browsers.
export * from '../astro/index.js';
