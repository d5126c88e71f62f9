import JSZip from 'jszip';

/** The analysis API (Oz-API compatible) as this backend uses it: log in, upload, analyse, look up. */
export interface AnalysisApiSettings {
  url: string;
  email: string;
  password: string;
}

export interface Analysis {
  type: string;
  state: string;
  resolution_status?: string;
  results_media?: { results_data?: { confidence_spoofing?: number } }[];
}

export interface Folder {
  folder_id: string;
  meta_data?: Record<string, unknown>;
  analyses?: Analysis[];
}

export class AnalysisApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A capture from `on_capture_complete` (frames as JPEG data URLs) and who it belongs to. */
export interface Capture {
  transaction_id: string;
  action: string;
  additional_info: string;
  frames: string[];
}

export function createAnalysisApi(settings: AnalysisApiSettings) {
  const base = settings.url.replace(/\/+$/, '');
  let token: string | null = null;

  async function call<T>(path: string, init: RequestInit = {}, retried = false): Promise<T> {
    if (!token) token = await login();
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'X-Forensic-Access-Token': token },
    });
    if (res.status === 401 && !retried) {
      token = null; // expired: log in again once
      return call(path, init, true);
    }
    const body = (await res.json().catch(() => ({}))) as T & { error_message?: string };
    if (!res.ok)
      throw new AnalysisApiError(res.status, body.error_message ?? `HTTP ${res.status} on ${path}`);
    return body;
  }

  async function login(): Promise<string> {
    const res = await fetch(`${base}/api/authorize/auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ credentials: { email: settings.email, password: settings.password } }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; error_message?: string };
    if (!res.ok || !body.access_token) {
      throw new AnalysisApiError(res.status, body.error_message ?? 'analysis API login failed');
    }
    return body.access_token;
  }

  return {
    /** Creates the folder (one ZIP shots set of the frames, tagged by action) and launches the liveness check. */
    async submit(capture: Capture): Promise<string> {
      const zip = new JSZip();
      capture.frames.forEach((frame, i) => {
        zip.file(`frame_${String(i).padStart(3, '0')}.jpg`, frame.slice(frame.indexOf(',') + 1), {
          base64: true,
        });
      });
      const shots = await zip.generateAsync({ type: 'uint8array' });
      const form = new FormData();
      form.append('video1', new Blob([shots], { type: 'application/zip' }), 'video1.zip');
      form.append(
        'payload',
        JSON.stringify({
          'folder:meta_data': { transaction_id: capture.transaction_id },
          'media:meta_data': { video1: { additional_info: capture.additional_info } },
          'media:tags': { video1: ['video_selfie', capture.action, 'orientation_portrait'] },
        }),
      );
      const folder = await call<Folder>('/api/folders/', { method: 'POST', body: form });
      await call(`/api/folders/${folder.folder_id}/analyses/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ analyses: [{ type: 'quality' }] }),
      });
      return folder.folder_id;
    },

    /** The newest folder of this transaction, with its analyses (the backend-side lookup). */
    async folderOf(transactionId: string): Promise<Folder | null> {
      const since = Math.floor(Date.now() / 1000) - 3600;
      const query = new URLSearchParams({
        meta_data: `transaction_id==${transactionId}`,
        with_analyses: 'true',
        'time_created.min': String(since),
        sorting: 'time_created{desc}',
      });
      const list = await call<{ items: Folder[] }>(`/api/folders/?${query}`);
      return list.items[0] ?? null;
    },
  };
}

export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
