import type { EvidenceRecord } from '@open-liveness/trust';
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

  /** Starts recording frame cadence; only timestamps are stored, in preallocated arrays. */
  watch(video: HTMLVideoElement, track: MediaStreamTrack): void {
    this.track = track;
    let handle = 0;
    let stopped = false;
    const step = (now: number, meta: VideoFrameCallbackMetadata) => {
      if (stopped) return;
      this.cadence.onFrame(now, meta.mediaTime);
      handle = video.requestVideoFrameCallback(step);
    };
    handle = video.requestVideoFrameCallback(step);
    this.stopCadence = () => {
      stopped = true;
      video.cancelVideoFrameCallback(handle);
    };
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
