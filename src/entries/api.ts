// Pure data layer: client, records, parsers, live stream, weather. No DOM, safe to import in Node.
export * from '../api/index.js';
