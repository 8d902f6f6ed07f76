// Leaflet 1.9's ES module build has named exports but no types of its own: reuse @types/leaflet's.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
