/**
 * The way into a cycle's publication management from the admin cycle screen and the pimpinan's
 * cycle dashboard: what is published so far (per scope, version and whether it is public yet)
 * and a button to the management screen. Strings: the `publish` namespace.
 */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePublications } from '../api/publications.ts';
import { useFormat } from '../lib/format.ts';
import { ButtonLink } from './links.tsx';
import { StatusBadge } from './publication-status.tsx';

export function PublicationLink({ cycleId, admin }: { cycleId: string; admin: boolean }) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const list = usePublications(cycleId);
  const current = (list.data ?? []).filter((p) => p.status === 'current');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publication-link-title" data-testid="publication-link">
      <Stack gap="xs">
        <Title order={2} size="h4" id="publication-link-title">
          {t('link.title')}
        </Title>
        {current.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('link.none')}
          </Text>
        ) : (
          current.map((p) => (
            <Group key={p.id} gap="xs">
              <Text size="sm" fw={600}>
                {t('link.item', { scope: p.scopeName, version: p.version })}
              </Text>
              <StatusBadge status={p.status} />
              <Text size="sm" c="dimmed">
                {p.released
                  ? t('link.public_since', { date: format.date(p.publicAt) })
                  : t('link.embargo_until', { date: format.dateTime(p.publicAt) })}
              </Text>
            </Group>
          ))
        )}
        {admin ? (
          <ButtonLink to="/admin/cycles/$cycleId/publikasi" params={{ cycleId }} variant="light" w="fit-content">
            {t('link.manage')}
          </ButtonLink>
        ) : (
          <ButtonLink to="/review/cycles/$cycleId/publikasi" params={{ cycleId }} variant="light" w="fit-content">
            {t('link.manage')}
          </ButtonLink>
        )}
      </Stack>
    </Paper>
  );
}
