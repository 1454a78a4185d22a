/**
 * True once the element comes within 200 px of the viewport (and stays true): charts import
 * their library only then (public/lazy-chart.tsx, ui/claim-chart.tsx). Without
 * IntersectionObserver (old browsers, jsdom) it is true at once.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';

export function useNearViewport<T extends HTMLElement>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return [ref, near];
}
