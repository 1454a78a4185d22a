/** The time left before a deadline in words ("2 hari 3 jam lagi"), refreshed every minute (`clarify` strings). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeLeft } from '../lib/local-time.ts';

export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function countdownWords(t: ReturnType<typeof useTranslation>['t'], deadline: string, now: Date): string {
  const left = timeLeft(deadline, now);
  if (left.past) return t('countdown.past');
  const parts: string[] = [];
  if (left.days > 0) {
    parts.push(t('countdown.days', { count: left.days }));
    if (left.hours > 0) parts.push(t('countdown.hours', { count: left.hours }));
  } else {
    if (left.hours > 0) parts.push(t('countdown.hours', { count: left.hours }));
    if (left.minutes > 0 || left.hours === 0) parts.push(t('countdown.minutes', { count: left.minutes }));
  }
  return t('countdown.left', { time: parts.join(' ') });
}

export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation('clarify');
  const now = useNow();
  return <span data-testid="countdown">{countdownWords(t, deadline, now)}</span>;
}
