import type { AdapterConfig } from '../config/index.js';

export type IntegrityMode = 'production' | 'development';

/**
 * Development integrity (trusted test devices reach the plugin) only when the process says so:
 * `NODE_ENV` is `development` or `test`, or — outside production — test devices are configured
 * (the config loader already refuses them under `NODE_ENV=production`). Everything else, including
 * an unset `NODE_ENV`, gets the strict production defaults.
 */
export function integrityMode(config: AdapterConfig, nodeEnv: string | undefined): IntegrityMode {
  if (nodeEnv === 'production') return 'production';
  if (nodeEnv === 'development' || nodeEnv === 'test') return 'development';
  return config.trusted_test_devices.length > 0 ? 'development' : 'production';
}

/** The adapter options the plugin needs, as they appear in the session answer (protocol.md §1). */
export interface SessionOptions {
  readonly architecture: AdapterConfig['architecture'];
  readonly result_mode: AdapterConfig['result_mode'];
  readonly results_polling_interval: number;
  readonly disable_adapter_errors_on_screen: boolean;
  readonly iframe_allowed: boolean;
  readonly use_wasm_container: boolean;
  readonly container_public_key: string | null;
  /**
   * `use_for_liveness` (operator mode): true/false when the key is set, null when absent. Presence
   * alone makes the plugin ignore `open({cameraFacingMode})` (adapter-config.md §2).
   */
  readonly use_for_liveness: boolean | null;
  /** Whether the 3D mask may replace the oval (`open({enable_3d_mask})` needs this). */
  readonly load_3d_mask: boolean;
  readonly integrity: {
    readonly mode: IntegrityMode;
    readonly trusted_test_devices: readonly string[];
    readonly devtools: AdapterConfig['devtools_reaction'];
  };
}

/** `containerPublicKey` is the adapter's container key when `use_wasm_container` is on, else null. */
export function sessionOptions(
  config: AdapterConfig,
  nodeEnv: string | undefined,
  containerPublicKey: string | null,
): SessionOptions {
  const mode = integrityMode(config, nodeEnv);
  return {
    architecture: config.architecture,
    result_mode: config.result_mode,
    results_polling_interval: config.results_polling_interval,
    disable_adapter_errors_on_screen: config.disable_adapter_errors_on_screen,
    iframe_allowed: config.iframe_allowed,
    // Only ask the plugin for a container when this adapter holds the key that opens it.
    use_wasm_container: containerPublicKey !== null,
    container_public_key: containerPublicKey,
    use_for_liveness: config.use_for_liveness ?? null,
    load_3d_mask: config.load_3d_mask,
    integrity: {
      mode,
      trusted_test_devices: mode === 'development' ? config.trusted_test_devices : [],
      devtools: config.devtools_reaction,
    },
  };
}
