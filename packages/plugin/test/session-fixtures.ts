import { stepSession } from '../src/flow/machine.js';
import {
  DEFAULT_TIMING,
  type SessionConfig,
  type SessionEffect,
  type SessionEvent,
  type SessionState,
} from '../src/flow/session-types.js';
import type { SessionInfo } from '../src/transport/adapter-api.js';

export const config = (over: Partial<SessionConfig> = {}): SessionConfig => ({
  actions: ['video_selfie_blank'],
  staticDeployment: false,
  showInstructions: false,
  showResultOutcome: false,
  secure: true,
  inIframe: false,
  nativeAspect: false,
  browser: 'chrome',
  timing: DEFAULT_TIMING,
  ...over,
});

export const info = (over: Partial<SessionInfo> = {}): SessionInfo => ({
  session: 'tok',
  event_session_id: 'e',
  architecture: 'normal',
  result_mode: 'status',
  results_polling_interval: 1000,
  disable_adapter_errors_on_screen: false,
  use_wasm_container: false,
  actions: [],
  integrity: { mode: 'development', trusted_test_devices: [] },
  ...over,
});

/** Runs events through the machine, collecting every effect. */
export function run(state: SessionState, events: SessionEvent[]) {
  const effects: SessionEffect[] = [];
  let s = state;
  for (const ev of events) {
    const r = stepSession(s, ev);
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}
