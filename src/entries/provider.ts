import '../elements/provider/define.js';

export * from '../elements/provider/provider.js';
export * from '../context/keys.js';
