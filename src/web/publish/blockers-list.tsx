/**
 * Issue 16: every blocker of a scope named by the server (bodies not final, clarification
 * windows open, disputes undecided), each with a link to where it is resolved.
 */
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublishReadiness } from '../../shared/wire/publications.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';

const SHOWN = 12;

export function BlockersList({ readiness, cycleId, admin }: { readiness: PublishReadiness; cycleId: string; admin: boolean }) {
  const { t } = useTranslation('publish');
  const { blockers } = readiness;
  if (blockers.length === 0) return null;
  const resolveLink = (kind: 'body' | 'clarify', label: string) =>
    admin ? (
      <AnchorLink to="/admin/cycles/$cycleId" params={{ cycleId }} size="sm" underline="always">
        {label}
      </AnchorLink>
    ) : kind === 'clarify' ? (
      <AnchorLink to="/review/cycles/$cycleId/klarifikasi" params={{ cycleId }} size="sm" underline="always">
        {label}
      </AnchorLink>
    ) : (
      <AnchorLink to="/review/cycles/$cycleId" params={{ cycleId }} size="sm" underline="always">
        {label}
      </AnchorLink>
    );
  return (
    <>
      <Text size="sm" fw={650} className="pub-warn">
        {t('readiness.blockers_intro', { count: blockers.length })}
      </Text>
      <List size="sm" data-testid="readiness-blockers">
        {blockers.slice(0, SHOWN).map((b) => {
          if (b.kind === 'body_open')
            return (
              <List.Item key={`b-${b.bodyId}`}>
                {t('readiness.blocker_body', { name: b.name })} {resolveLink('body', t('readiness.resolve_body'))}
              </List.Item>
            );
          if (b.kind === 'window_open')
            return (
              <List.Item key={`w-${b.scope}`}>
                {t('readiness.blocker_window', { scope: b.scopeName, date: b.deadlineText })}{' '}
                {resolveLink('clarify', t('readiness.resolve_window'))}
              </List.Item>
            );
          return (
            <List.Item key={`d-${b.bodyId}`}>
              {t('readiness.blocker_dispute', { name: b.name, count: b.count })} {resolveLink('clarify', t('readiness.resolve_dispute'))}
            </List.Item>
          );
        })}
      </List>
      {blockers.length > SHOWN && <Text size="sm">{t('readiness.blockers_more', { n: blockers.length - SHOWN })}</Text>}
    </>
  );
}

/** Why "Terbitkan" is disabled, or null when it may be pressed. */
export function blockedReason(
  readiness: PublishReadiness | undefined,
  t: (key: string, o?: Record<string, unknown>) => string,
): string | null {
  if (!readiness) return null;
  if (!readiness.cycleReady) return t('readiness.reason_cycle');
  if (readiness.blockers.length > 0) return t('readiness.reason_blockers', { count: readiness.blockers.length });
  return null;
}
