/**
 * What stands between a scope and its publication, as far as the cycle's progress shows it:
 * bodies not yet final (listed), a version already in force. Open clarification windows and
 * disputes are checked by the server when publishing; its refusal is shown in its own words.
 */
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';
import './publish.css';
import type { Readiness } from './publish-model.ts';
import type { PublishReadiness } from '../../shared/wire/publications.ts';
import { BlockersList } from './blockers-list.tsx';

const SHOWN = 12;

export function ReadinessPanel({
  readiness,
  cycleStatus,
  server,
  cycleId,
  admin = false,
}: {
  readiness: Readiness;
  cycleStatus: string | null;
  /** issue 16: the server's list of every blocker (bodies, windows, disputes), with links. */
  server?: PublishReadiness | undefined;
  cycleId?: string;
  admin?: boolean;
}) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const { total, final, open, current } = readiness;
  const ready = open.length === 0 && total > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="readiness-title" data-testid="readiness">
      <Stack gap="xs">
        <Title order={2} size="h4" id="readiness-title">
          {t('readiness.title')}
        </Title>
        {cycleStatus && (
          <Text size="sm">{t('readiness.cycle_status', { status: t(`cycle_status.${cycleStatus}`, { defaultValue: cycleStatus }) })}</Text>
        )}
        <Text size="sm" fw={650} className={ready ? 'pub-ok' : 'pub-warn'} data-testid="readiness-bodies">
          {ready ? '✓ ' : '! '}
          {t('readiness.bodies_final', { final: format.integer(final), total: format.integer(total) })}
        </Text>
        {server && cycleId ? (
          <>
            <BlockersList readiness={server} cycleId={cycleId} admin={admin} />
            {server.ready && (
              <Text size="sm" className="pub-ok" data-testid="readiness-clear">
                ✓ {t('readiness.all_clear')}
              </Text>
            )}
          </>
        ) : null}
        {!server && open.length > 0 && (
          <>
            <Text size="sm">{t('readiness.open_intro', { count: open.length })}</Text>
            <List size="sm" data-testid="readiness-open">
              {open.slice(0, SHOWN).map((b) => (
                <List.Item key={b.bodyId}>{b.name}</List.Item>
              ))}
            </List>
            {open.length > SHOWN && <Text size="sm">{t('readiness.open_more', { n: format.integer(open.length - SHOWN) })}</Text>}
          </>
        )}
        {current && (
          <Text size="sm" fw={600}>
            {t('readiness.current', { version: current.version, date: format.date(current.publishedAt) })}
          </Text>
        )}
        {!server && (
          <Text size="xs" c="dimmed">
            {t('readiness.server_checks')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
