import { drawChallenge, gesturePool, type RandomIndex } from './challenge.js';

/** The configuration keys that decide which actions a session runs (structural: no config import). */
export interface ActionSettings {
  readonly actions_default_importance: boolean;
  readonly actions_default: {
    readonly video_count: number;
    readonly photo_front: boolean;
    readonly photo_back: boolean;
    readonly random: boolean;
  };
  readonly video_actions_list: readonly string[];
  readonly photo_actions_list: readonly string[];
}

export type ActionsResult =
  /** `challenge`: the actions were drawn at random, so the upload must carry exactly them, in order. */
  | { readonly ok: true; readonly actions: string[]; readonly challenge: boolean }
  | { readonly ok: false; readonly code: 'session_action_not_allowed'; readonly action: string };

/**
 * `actions_default` as a list: the first `video_count` accepted video actions (so the default set is
 * one `video_selfie_blank`), then the document photos asked for.
 */
export function defaultActions(s: ActionSettings, random?: RandomIndex): string[] {
  const out = s.actions_default.random
    ? drawChallenge(gesturePool(s.video_actions_list), s.actions_default.video_count, random)
    : s.video_actions_list.slice(0, s.actions_default.video_count);
  if (s.actions_default.photo_front) out.push('photo_id_front');
  if (s.actions_default.photo_back) out.push('photo_id_back');
  return out;
}

/**
 * The list a session runs: the page's `open({action})` unless `actions_default_importance` says the
 * adapter decides (or the page gave none). Actions outside the accepted lists are refused rather than
 * dropped, so an integration mistake shows at once instead of as a shorter check.
 */
export function resolveActions(
  s: ActionSettings,
  requested: readonly string[] | undefined,
  random?: RandomIndex,
): ActionsResult {
  const useDefault = s.actions_default_importance || requested === undefined || requested.length === 0;
  const actions = useDefault ? defaultActions(s, random) : [...requested];
  const accepted = new Set([...s.video_actions_list, ...s.photo_actions_list]);
  const refused = actions.find((a) => !accepted.has(a));
  if (refused !== undefined) return { ok: false, code: 'session_action_not_allowed', action: refused };
  return { ok: true, actions, challenge: useDefault && s.actions_default.random };
}
