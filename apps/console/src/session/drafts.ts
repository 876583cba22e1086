import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * What a person types is kept in sessionStorage per route and form until the form is sent, so
 * neither an expired session (log in again, come back) nor a network failure loses it. The key
 * includes the route, so two inspections' forms never mix.
 */
export function useDraft<T>(formId: string, initial: T): [T, (next: T | ((previous: T) => T)) => void, () => void] {
  const { pathname } = useLocation();
  const key = `draft:${pathname}:${formId}`;
  const [value, setValue] = useState<T>(() => readDraft(key) ?? initial);
  const initialRef = useRef(initial);
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage full or unavailable: the text is still on the screen
    }
  }, [key, value]);
  const clear = useCallback(() => {
    sessionStorage.removeItem(key);
    setValue(initialRef.current);
  }, [key]);
  return [value, setValue, clear];
}

function readDraft<T>(key: string): T | undefined {
  try {
    const stored = sessionStorage.getItem(key);
    return stored === null ? undefined : (JSON.parse(stored) as T);
  } catch {
    return undefined;
  }
}
