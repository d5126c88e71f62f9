import { describe, expect, it } from 'vitest';
import { buildAnalyses } from './analyses.js';
import { jwtExpiry } from './auth.js';
import { apiClientOptionsFromConfig } from './from-config.js';
import { buildFolderUpload, type MediaUpload } from './payload.js';
import { backoffDelay } from './retry.js';
import { tagsForAction } from './tags.js';

const zip = (action: string, extra: Partial<MediaUpload> = {}): MediaUpload => ({
  action,
  data: new Uint8Array([1]),
  mimeType: 'application/zip',
  ...extra,
});
const photo = (action: string): MediaUpload => ({ action, data: new Uint8Array([1]), mimeType: 'image/png' });

describe('tagsForAction', () => {
  it.each(['blank', 'scan', 'smile', 'eyes', 'left', 'right', 'high', 'down'])('video_selfie_%s', (x) => {
    expect(tagsForAction(`video_selfie_${x}`)).toEqual([
      'video_selfie',
      `video_selfie_${x}`,
      'orientation_portrait',
    ]);
  });

  it('maps the one-shot action to the API tag video_selfie_oneshot', () => {
    expect(tagsForAction('video_selfie_best', 'landscape')).toEqual([
      'video_selfie',
      'video_selfie_oneshot',
      'orientation_landscape',
    ]);
  });

  it('tags document and selfie photos, and nothing else', () => {
    expect(tagsForAction('photo_id_front')).toEqual(['photo_id', 'photo_id_front']);
    expect(tagsForAction('photo_id_back')).toEqual(['photo_id', 'photo_id_back']);
    expect(tagsForAction('photo_selfie')).toEqual(['photo_selfie']);
    expect(tagsForAction('photo_passport')).toBeUndefined();
    expect(tagsForAction('video_selfie_')).toBeUndefined();
  });
});

describe('buildFolderUpload', () => {
  it('numbers keys per kind in capture order and names files itself', () => {
    const r = buildFolderUpload({
      media: [
        zip('video_selfie_eyes'),
        photo('photo_id_back'),
        zip('video_selfie_scan'),
        photo('photo_id_front'),
      ],
    });
    expect(r.ok && r.value.files.map((f) => [f.key, f.filename])).toEqual([
      ['video1', 'video1.zip'],
      ['photo1', 'photo1.png'],
      ['video2', 'video2.zip'],
      ['photo2', 'photo2.png'],
    ]);
    // No empty folder/media metadata objects when there is nothing to say.
    expect(r.ok && Object.keys(r.value.payload)).toEqual(['media:tags']);
  });

  it('puts additional_info per media key and open({meta}) on the folder', () => {
    const r = buildFolderUpload({
      media: [zip('video_selfie_blank', { additionalInfo: 'A' }), photo('photo_id_front')],
      folderMeta: { transaction_id: 't', end_user_id: 'u' },
      resolutionEndpoint: 'https://hooks.example/oz',
    });
    expect(r.ok && r.value.payload).toEqual({
      'media:tags': {
        video1: ['video_selfie', 'video_selfie_blank', 'orientation_portrait'],
        photo1: ['photo_id', 'photo_id_front'],
      },
      'folder:meta_data': { transaction_id: 't', end_user_id: 'u' },
      'media:meta_data': { video1: { additional_info: 'A' } },
      resolution_endpoint: 'https://hooks.example/oz',
    });
  });

  it('refuses empty captures and unknown types', () => {
    expect(buildFolderUpload({ media: [] }).ok).toBe(false);
    const r = buildFolderUpload({ media: [zip('video_selfie_blank', { mimeType: 'text/html' })] });
    expect(!r.ok && r.error.code).toBe('api_invalid_media');
  });
});

describe('buildAnalyses', () => {
  const all = { quality: true, biometry: true, documents: true, collection_ids: ['c1', 'c2'] };
  const opts = { extractBestShot: true, extractActionShot: false };

  it('launches what the configuration asks for and the media allow', () => {
    expect(buildAnalyses(all, [zip('video_selfie_blank'), photo('photo_id_front')], opts)).toEqual([
      { type: 'quality', params: { extract_best_shot: true } },
      { type: 'biometry' },
      { type: 'documents' },
      { type: 'collection', params: { collection_ids: ['c1', 'c2'] } },
    ]);
  });

  it('skips biometry below two comparable media and quality without video', () => {
    const types = (m: MediaUpload[]) => buildAnalyses(all, m, opts).map((a) => a.type);
    expect(types([zip('video_selfie_blank'), photo('photo_id_back')])).toEqual([
      'quality',
      'documents',
      'collection',
    ]);
    expect(types([photo('photo_id_front')])).toEqual(['documents', 'collection']);
  });

  it('adds the action-shot switch only when on', () => {
    const none = { quality: true, biometry: false, documents: false, collection_ids: [] };
    expect(
      buildAnalyses(none, [zip('video_selfie_smile')], { extractBestShot: false, extractActionShot: true }),
    ).toEqual([{ type: 'quality', params: { extract_best_shot: false, extract_action_shot: true } }]);
  });
});

describe('backoffDelay', () => {
  const policy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 500 };
  it('doubles, caps, and jitters within [half, full]', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 500]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 250]);
    expect(backoffDelay(1, policy, () => 0, 2)).toBe(500);
  });
});

describe('jwtExpiry', () => {
  it('reads exp from a JWT and ignores opaque tokens', () => {
    const token = ['e30', Buffer.from('{"exp":1700000000}').toString('base64url'), 'x'].join('.');
    expect(jwtExpiry(token)).toBe(1700000000);
    expect(jwtExpiry('opaque-token')).toBeUndefined();
    expect(jwtExpiry('a.!!!.c')).toBeUndefined();
  });
});

describe('apiClientOptionsFromConfig', () => {
  const base = { api_use_token: 'config' as const, api_timeout_ms: 5000, api_max_concurrent_uploads: 3 };
  it('takes the token and credentials from config mode only', () => {
    expect(
      apiClientOptionsFromConfig({
        ...base,
        api_url: 'https://api.example',
        api_token: 't',
        api_login: 'a@b.c',
        api_password: 'pw',
      }),
    ).toEqual({
      baseUrl: 'https://api.example',
      timeoutMs: 5000,
      maxConcurrentUploads: 3,
      auth: { token: 't', credentials: { email: 'a@b.c', password: 'pw' } },
    });
    expect(
      apiClientOptionsFromConfig({ ...base, api_use_token: 'client', api_url: 'https://api.example' }),
    ).toEqual({
      baseUrl: 'https://api.example',
      timeoutMs: 5000,
      maxConcurrentUploads: 3,
    });
  });
  it('lets main point at the embedded service, and needs some URL', () => {
    expect(apiClientOptionsFromConfig(base, { baseUrl: 'http://127.0.0.1:9000' })?.baseUrl).toBe(
      'http://127.0.0.1:9000',
    );
    expect(apiClientOptionsFromConfig(base)).toBeUndefined();
  });
});
