/** The live check: re-runs the analyser (through the resolver) a moment after the draft stops changing. */
import { useEffect, useRef, useState } from 'react';
import type { Fail, ReproAnalysisDto, ReproStepsFieldValueDto } from '@rt/contracts';
import { call } from './api';

export const CHECK_DELAY_MS = 250;

export function useLiveCheck(value: ReproStepsFieldValueDto | null) {
  const [analysis, setAnalysis] = useState<ReproAnalysisDto | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<Fail | null>(null);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(value);

  useEffect(() => {
    const mine = ++generation.current;
    if (value === null) {
      setAnalysis(null);
      setChecking(false);
      setError(null);
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => {
      call('repro/analyse', { value }).then((r) => {
        if (mine !== generation.current) return;
        setChecking(false);
        if (r.ok) {
          setAnalysis(r.data.analysis);
          setError(null);
        } else setError(r);
      }, () => undefined);
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
    // `key` stands for `value` (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  return { analysis, checking, error, retry: () => setAttempt((n) => n + 1) };
}
