import { useEffect, useRef } from 'react';
import { swallowEnterFor } from './enterGuard';
import { parseTypedMrz, WedgeBuffer, type TypedMrzResult } from './typedMrz';

/**
 * Listens for a keyboard-wedge scanner typing an MRZ while no field has focus (the clerk just
 * swipes the passport): a fast burst of MRZ characters and Enters that forms a whole MRZ.
 */
export function useWedgeScanner(today: string, onResult: (r: TypedMrzResult) => void): void {
  const handler = useRef(onResult);
  handler.current = onResult;
  useEffect(() => {
    const buffer = new WedgeBuffer();
    const onKey = (e: KeyboardEvent) => {
      const el = document.activeElement;
      if (el && el !== document.body && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const text = buffer.push(e.key, e.timeStamp || performance.now());
      if (buffer.active || text) e.preventDefault(); // keep a burst's Enter from pressing a focused button
      if (!text) return;
      const result = parseTypedMrz(text, today);
      if (result) {
        swallowEnterFor();
        handler.current(result);
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [today]);
}
