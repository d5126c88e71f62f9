import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../flow/store.js';

/** Subscribes to a store and re-renders at most once per animation frame; no change is missed. */
export function useStore<T extends object>(store: Store<T>): T {
  const [value, setValue] = useState(store.get());
  useEffect(() => {
    let frame = 0;
    const unsubscribe = store.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setValue(store.get());
      });
    });
    // Effects run after the first paint: a change made between the first render and this subscription (a
    // session request refused at once, on a busy page) would otherwise never reach the screen.
    setValue(store.get());
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);
  return value;
}
