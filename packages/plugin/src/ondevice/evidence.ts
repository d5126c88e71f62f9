import type { OnDeviceResult } from '@open-liveness/trust';

/**
 * The `additional_info` string with the on-device result added as `on_device`, so it travels to the server
 * with the rest of the evidence. A string that is not a JSON object is kept as it is.
 */
export function withOnDevice(additionalInfo: string, result: OnDeviceResult | null): string {
  if (!result) return additionalInfo;
  try {
    const parsed: unknown = JSON.parse(additionalInfo);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return additionalInfo;
    return JSON.stringify({ ...parsed, on_device: result });
  } catch {
    return additionalInfo;
  }
}
