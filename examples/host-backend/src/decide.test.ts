import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';

const folder = (...statuses: string[]) => ({
  folder_id: 'f1',
  analyses: statuses.map((s) => ({
    type: 'QUALITY',
    state: s === 'PROCESSING' ? s : 'FINISHED',
    resolution_status: s,
  })),
});

describe('decide', () => {
  it('waits while a liveness analysis runs or none was launched yet', () => {
    expect(decide(folder('PROCESSING'))).toEqual({ state: 'processing' });
    expect(decide(folder('SUCCESS', 'PROCESSING'))).toEqual({ state: 'processing' });
    expect(decide({ folder_id: 'f1', analyses: [] })).toEqual({ state: 'processing' });
  });

  it('passes only when every liveness analysis succeeded', () => {
    expect(decide(folder('SUCCESS'))).toEqual({
      state: 'done',
      passed: true,
      resolution: 'SUCCESS',
      folder_id: 'f1',
    });
    expect(decide(folder('SUCCESS', 'DECLINED'))).toMatchObject({ passed: false, resolution: 'DECLINED' });
    expect(decide(folder('FAILED'))).toMatchObject({ passed: false, resolution: 'FAILED' });
  });
});
