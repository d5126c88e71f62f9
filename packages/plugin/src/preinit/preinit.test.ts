import { describe, expect, it } from 'vitest';
import { parsePreinit, startPreinit, type Warmable } from './preinit.js';

class FakeVision implements Warmable {
  static started = 0;
  stopped = false;
  constructor() {
    FakeVision.started++;
  }
  whenReady() {
    return Promise.resolve(1);
  }
  terminate() {
    this.stopped = true;
  }
}

function setup(mode: 'off' | 'script' | 'full') {
  FakeVision.started = 0;
  const fetched: string[] = [];
  const p = startPreinit(mode, {
    createVision: () => new FakeVision(),
    prefetch: (u) => fetched.push(u),
    libraryUrls: ['a/worker.js', 'a/runtime.wasm'],
  });
  return { p, fetched };
}

describe('preinit', () => {
  it('off loads nothing and has nothing to hand over', () => {
    const { p, fetched } = setup('off');
    expect(fetched).toEqual([]);
    expect(FakeVision.started).toBe(0);
    expect(p.takeVision()).toBeNull();
    p.sessionEnded();
    expect(FakeVision.started).toBe(0);
  });

  it('script pre-fetches the libraries but starts no worker', () => {
    const { p, fetched } = setup('script');
    expect(fetched).toEqual(['a/worker.js', 'a/runtime.wasm']);
    expect(FakeVision.started).toBe(0);
    expect(p.takeVision()).toBeNull();
  });

  it('full warms one worker, hands it over once, and warms the next after the session ends', () => {
    const { p, fetched } = setup('full');
    expect(fetched).toEqual([]);
    expect(FakeVision.started).toBe(1);
    const first = p.takeVision();
    expect(first).toBeInstanceOf(FakeVision);
    expect(p.takeVision()).toBeNull();
    p.sessionEnded();
    expect(FakeVision.started).toBe(2);
    p.sessionEnded();
    expect(FakeVision.started).toBe(2);
    expect(p.takeVision()).not.toBe(first);
  });

  it('reads the adapter setting leniently', () => {
    expect(parsePreinit('full')).toBe('full');
    expect(parsePreinit(' script ')).toBe('script');
    expect(parsePreinit('__OPEN_LIVENESS_PREINIT__')).toBe('off');
    expect(parsePreinit(undefined)).toBe('off');
  });
});
