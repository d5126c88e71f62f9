export { parseAdditionalInfo, serializeAdditionalInfo } from './additional-info.js';
export * from './types.js';
