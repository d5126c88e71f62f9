export {
  CONFIG_ERROR_CODES,
  type ConfigError,
  type ConfigErrorCode,
  type ConfigIssue,
  type ConfigSource,
  type ConfigWarning,
  formatConfigError,
} from './codes.js';
export { CONFIG_PATH_ENV, ENV_PREFIX, type Env, envVarName, NESTING_SEPARATOR } from './env.js';
export {
  type ConfigResult,
  DEFAULT_CONFIG_PATH,
  type LoadOptions,
  loadConfig,
  type ParseOptions,
  parseConfig,
} from './load.js';
export { MASK, redactConfig, SECRET_KEYS } from './redact.js';
export {
  type AdapterConfig,
  type AdapterLimits,
  API_TOKEN_SOURCES,
  ARCHITECTURES,
  type Architecture,
  configSchema,
  DEFAULT_PHOTO_ACTIONS,
  DEFAULT_VIDEO_ACTIONS,
  PREINIT_MODES,
  RESULT_MODES,
  type ResultMode,
  SESSION_TOKEN_SOURCES,
} from './schema.js';
