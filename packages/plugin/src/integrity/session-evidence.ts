import type { EvidenceRecord } from '@open-liveness/trust';
import type { FrameSource } from '../camera/frame-source.js';
import { frameCadenceRecord } from './cadence.js';
import {
  CadenceRecorder,
  collectAutomation,
  collectCameraList,
  collectDevtools,
  collectTrackRecords,
  probeMediaFunctions,
} from './collect.js';
import { buildAdditionalInfo } from './index.js';
import type { IntegrityPolicy } from './policy.js';
import { tamperingRecord } from './tampering.js';

/**
 * The integrity evidence of one session: function probes taken before the camera opens (an injected
 * script has had its chance by then), the track and its cadence while it runs, the rest at the end.
 * This is the DOM edge; every judgement is made by the pure heuristics.
 */
export class SessionEvidence {
  private readonly early: EvidenceRecord[];
  private readonly cadence = new CadenceRecorder();
  private stopCadence: () => void = () => undefined;
  private track: MediaStreamTrack | null = null;

  constructor(private readonly policy: IntegrityPolicy) {
    this.early = [tamperingRecord(probeMediaFunctions(globalThis)), collectAutomation(navigator)];
  }

  /** Starts recording frame cadence from the session's frame source; only timestamps are stored. */
  watch(frames: FrameSource, track: MediaStreamTrack): void {
    this.track = track;
    this.stopCadence = frames.subscribe((now, _capture, mediaTime) => this.cadence.onFrame(now, mediaTime));
  }

  /** After a camera switch the track records describe the camera now in use. */
  retrack(track: MediaStreamTrack): void {
    this.track = track;
  }

  /** The verdict and the `additional_info` string, from everything seen so far. */
  async conclude(): Promise<{ additionalInfo: string; virtualCamera: boolean; block: boolean }> {
    const records: EvidenceRecord[] = [...this.early];
    if (this.track) records.push(...collectTrackRecords(this.track, this.policy));
    try {
      records.push(collectCameraList(await navigator.mediaDevices.enumerateDevices()));
    } catch {
      // no device list: the other records still stand
    }
    records.push(collectDevtools(window, navigator, this.policy.devtools));
    records.push(frameCadenceRecord(this.cadence.samples()));
    const { verdict, additionalInfo } = buildAdditionalInfo(records);
    return { additionalInfo, virtualCamera: verdict.virtual_camera_suspected, block: verdict.block };
  }

  stop(): void {
    this.stopCadence();
  }
}
