import { useCallback, useEffect, useRef, useState } from 'react';
import type { Fail, Result } from '@rt/contracts';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: Fail } | { state: 'ready'; data: T };

/** Loads a resolver result, exposing loading / error / ready and a reload; ignores replies for stale loads. */
export function useResult<T>(load: () => Promise<Result<T>>, deps: unknown[]): [Loadable<T>, () => void, (data: T) => void] {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setValue({ state: 'loading' });
    load()
      .then((r) => {
        if (mine === generation.current) setValue(r.ok ? { state: 'ready', data: r.data } : { state: 'error', error: r });
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setValue({ state: 'error', error: { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } });
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  const replace = useCallback((data: T) => setValue({ state: 'ready', data }), []);
  return [value, run, replace];
}
