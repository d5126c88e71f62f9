import { describe, expect, it } from 'vitest';
import { parseClientEvidence } from './evidence.js';
import { matchesAllMeta, parseMetaFilter } from './metaFilter.js';
import { folderStatus, worstResolution } from './status.js';
import { selectMedia } from './tags.js';
import type { AnalysisRecord, MediaRecord } from './types.js';

function analysis(over: Partial<AnalysisRecord>): AnalysisRecord {
  return {
    analysis_id: 'a',
    folder_id: 'f',
    company_id: 'c',
    group_id: 'g1',
    type: 'QUALITY',
    state: 'FINISHED',
    resolution_status: 'SUCCESS',
    results_data: null,
    results_media: [],
    source_media: [],
    params: {},
    confs: {},
    meta_data: {},
    error_code: null,
    error_message: null,
    time_created: 1,
    time_updated: 2,
    time_task_send_to_broker: 1,
    time_task_received: 1,
    time_task_finished: 2,
    ...over,
  };
}

describe('status aggregation', () => {
  it('orders results worst first', () => {
    expect(worstResolution(['SUCCESS', 'DECLINED', 'OPERATOR_REQUIRED'])).toBe('DECLINED');
    expect(worstResolution(['SUCCESS', 'FAILED', 'DECLINED'])).toBe('FAILED');
    expect(worstResolution([])).toBe('SUCCESS');
  });

  it('derives the folder status from the last group', () => {
    expect(folderStatus([]).resolution_status).toBe('INITIAL');
    expect(
      folderStatus([analysis({ state: 'PROCESSING', resolution_status: 'PROCESSING' })]).system_resolution,
    ).toBe('PROCESSING');
    const old = analysis({ group_id: 'g1', resolution_status: 'DECLINED', time_created: 1 });
    const fresh = analysis({
      analysis_id: 'b',
      group_id: 'g2',
      resolution_status: 'SUCCESS',
      time_created: 5,
    });
    expect(folderStatus([old, fresh])).toMatchObject({
      resolution_status: 'FINISHED',
      system_resolution: 'SUCCESS',
    });
    const failed = analysis({
      group_id: 'g2',
      state: 'FAILED',
      resolution_status: 'FAILED',
      time_created: 5,
    });
    expect(folderStatus([old, failed, fresh])).toMatchObject({
      resolution_status: 'FAILED',
      system_resolution: 'FAILED',
    });
  });
});

describe('meta_data filters', () => {
  it('parses == and != with dotted keys', () => {
    expect(parseMetaFilter('transaction_id==abc')).toEqual({
      path: ['transaction_id'],
      op: 'eq',
      value: 'abc',
    });
    expect(parseMetaFilter('person_info.first_name!=John')).toEqual({
      path: ['person_info', 'first_name'],
      op: 'ne',
      value: 'John',
    });
    expect(parseMetaFilter('a==b==c')?.value).toBe('b==c');
    expect(parseMetaFilter('nothing')).toBeNull();
    expect(parseMetaFilter('==x')).toBeNull();
  });

  it('matches text forms of stored values', () => {
    const meta = { transaction_id: 'abc', n: 42, person_info: { first_name: 'John' } };
    const f = (s: string) => parseMetaFilter(s) ?? { path: [], op: 'eq' as const, value: '' };
    expect(matchesAllMeta(meta, [f('transaction_id==abc')])).toBe(true);
    expect(matchesAllMeta(meta, [f('n==42')])).toBe(true);
    expect(matchesAllMeta(meta, [f('person_info.first_name==John'), f('transaction_id!=zzz')])).toBe(true);
    expect(matchesAllMeta(meta, [f('transaction_id==abd')])).toBe(false);
    expect(matchesAllMeta(meta, [f('missing!=x')])).toBe(true);
  });
});

describe('client evidence', () => {
  it('reads virtual_camera_suspected only when it is literally true', () => {
    expect(
      parseClientEvidence({ additional_info: '{"virtual_camera_suspected":true}' }).virtualCameraSuspected,
    ).toBe(true);
    expect(
      parseClientEvidence({ additional_info: '{"virtual_camera_suspected":"true"}' }).virtualCameraSuspected,
    ).toBe(false);
    expect(parseClientEvidence({ additional_info: 'not json' }).virtualCameraSuspected).toBe(false);
    expect(parseClientEvidence({ additional_info: '[true]' }).virtualCameraSuspected).toBe(false);
    expect(parseClientEvidence({}).virtualCameraSuspected).toBe(false);
  });
});

describe('media selection by tags', () => {
  const m = (id: string, tags: string[], type: MediaRecord['media_type'] = 'IMAGE_FOLDER'): MediaRecord => ({
    media_id: id,
    folder_id: 'f',
    company_id: 'c',
    media_type: type,
    original_name: id,
    tags,
    meta_data: {},
    info: { mime: 'image/jpeg', size: 1, md5: '', width: null, height: null, frames: null },
    blob_key: id,
    time_created: 0,
    time_updated: 0,
  });
  const all = [
    m('video', ['video_selfie', 'video_selfie_blank'], 'SHOTS_SET_FOLDER'),
    m('front', ['photo_id', 'photo_id_front']),
    m('back', ['photo_id', 'photo_id_back']),
    m('selfie', ['photo_selfie']),
    m('best', [], 'IMAGE_RESULT_ANALYSIS_SINGLE'),
  ];
  const ids = (xs: MediaRecord[]) => xs.map((x) => x.media_id);
  it('applies the Oz rules', () => {
    expect(ids(selectMedia('QUALITY', all))).toEqual(['video', 'selfie']);
    expect(ids(selectMedia('BIOMETRY', all))).toEqual(['video', 'front', 'selfie']);
    expect(ids(selectMedia('COLLECTION', all))).toEqual(['video', 'front', 'selfie']);
  });
});
