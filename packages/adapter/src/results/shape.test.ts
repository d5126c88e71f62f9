import { describe, expect, it } from 'vitest';
import type { OzFolder } from '../api-client/oz-objects.js';
import { shapeResult } from './shape.js';
import { isFolderFinished } from './status.js';

const running: OzFolder = {
  folder_id: 'f-1',
  resolution_status: 'PROCESSING',
  time_created: 1744017549.366616,
  meta_data: { transaction_id: 't-1' },
  analyses: [{ analysis_id: 'a-1', type: 'QUALITY', state: 'PROCESSING', resolution_status: 'PROCESSING' }],
};

const done: OzFolder = {
  folder_id: 'f-1',
  resolution_status: 'FINISHED',
  system_resolution: 'SUCCESS',
  time_created: 1744017549.366616,
  meta_data: { transaction_id: 't-1' },
  analyses: [
    {
      analysis_id: 'a-1',
      type: 'QUALITY',
      state: 'FINISHED',
      resolution_status: 'SUCCESS',
      resolution: 'SUCCESS',
      results_media: [{ results_data: { confidence_spoofing: 0.05 } }],
    },
  ],
};

describe('shapeResult', () => {
  it('safe: state only', () => {
    expect(shapeResult(running, 'safe')).toEqual({ state: 'processing' });
    expect(shapeResult(done, 'safe')).toEqual({ state: 'finished' });
  });

  it('status: state and per-type state/resolution, lower case', () => {
    expect(shapeResult(running, 'status')).toEqual({
      state: 'processing',
      analyses: { quality: { state: 'processing', resolution: '' } },
    });
    expect(shapeResult(done, 'status')).toEqual({
      state: 'finished',
      analyses: { quality: { state: 'finished', resolution: 'success' } },
    });
  });

  it('folder: status plus folder_id', () => {
    expect(shapeResult(running, 'folder')).toEqual({
      state: 'processing',
      folder_id: 'f-1',
      analyses: { quality: { state: 'processing', resolution: '' } },
    });
    expect(shapeResult(done, 'folder')).toEqual({
      state: 'finished',
      folder_id: 'f-1',
      analyses: { quality: { state: 'finished', resolution: 'success' } },
    });
  });

  it('full: status-like while processing, the whole folder plus state when finished', () => {
    expect(shapeResult(running, 'full')).toEqual(shapeResult(running, 'status'));
    const full = shapeResult(done, 'full');
    expect(full).toEqual({ ...done, state: 'finished' });
    // A copy: callers may serialise or mutate it without touching the polled object.
    expect((full as { analyses: unknown }).analyses).not.toBe(done.analyses);
  });

  it('keeps the safe payload free of anything but state', () => {
    expect(Object.keys(shapeResult(done, 'safe'))).toEqual(['state']);
    expect(JSON.stringify(shapeResult(done, 'status'))).not.toContain('t-1');
  });

  it('lower-cases every verdict and collapses one type to the worst verdict', () => {
    const folder: OzFolder = {
      folder_id: 'f-2',
      resolution_status: 'FINISHED',
      analyses: [
        { type: 'QUALITY', state: 'FINISHED', resolution_status: 'SUCCESS' },
        { type: 'QUALITY', state: 'FINISHED', resolution_status: 'DECLINED' },
        { type: 'BIOMETRY', state: 'FINISHED', resolution_status: 'OPERATOR_REQUIRED' },
        { type: 'COLLECTION', state: 'FAILED' },
        { type: 'DOCUMENTS', state: 'FINISHED', resolution: 'SUCCESS' },
      ],
    };
    expect(shapeResult(folder, 'status')).toEqual({
      state: 'finished',
      analyses: {
        quality: { state: 'finished', resolution: 'declined' },
        biometry: { state: 'finished', resolution: 'operator_required' },
        collection: { state: 'finished', resolution: 'failed' },
        documents: { state: 'finished', resolution: 'success' },
      },
    });
  });

  it('reports a type as processing while any of its analyses runs', () => {
    const folder: OzFolder = {
      folder_id: 'f-3',
      resolution_status: 'PROCESSING',
      analyses: [
        { type: 'QUALITY', state: 'FINISHED', resolution_status: 'SUCCESS' },
        { type: 'QUALITY', state: 'PROCESSING' },
      ],
    };
    expect(shapeResult(folder, 'status')).toEqual({
      state: 'processing',
      analyses: { quality: { state: 'processing', resolution: '' } },
    });
  });
});

describe('isFolderFinished', () => {
  it('follows the folder status, but not while an analysis still runs', () => {
    expect(isFolderFinished(done)).toBe(true);
    expect(isFolderFinished(running)).toBe(false);
    expect(isFolderFinished({ folder_id: 'x', resolution_status: 'INITIAL', analyses: [] })).toBe(false);
    expect(isFolderFinished({ ...done, analyses: [{ type: 'QUALITY', state: 'PROCESSING' }] })).toBe(false);
    expect(isFolderFinished({ folder_id: 'x', resolution_status: 'FAILED' })).toBe(true);
  });

  it('falls back to the analyses when the folder has no status', () => {
    expect(isFolderFinished({ folder_id: 'x' })).toBe(false);
    expect(
      isFolderFinished({
        folder_id: 'x',
        analyses: [{ type: 'QUALITY', state: 'FINISHED', resolution_status: 'SUCCESS' }],
      }),
    ).toBe(true);
    // FINISHED while the resolution still mirrors PROCESSING is not final; without any resolution it is.
    const mirrored = { type: 'QUALITY', state: 'FINISHED', resolution_status: 'PROCESSING' };
    expect(isFolderFinished({ folder_id: 'x', analyses: [mirrored] })).toBe(false);
    expect(isFolderFinished({ folder_id: 'x', analyses: [{ type: 'QUALITY', state: 'FINISHED' }] })).toBe(
      true,
    );
  });
});
