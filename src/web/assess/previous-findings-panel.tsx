/**
 * issue 13 §1 / issue 12 §5: last cycle's findings of the unit on the assessor's unit screen,
 * from the device when offline (downloaded with "Unduh untuk luring"), so the visit can check
 * them without a connection. The full findings screen (`/temuan`) stays one link away online.
 */
import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePreviousFindings } from '../api/previous-findings.ts';
import { NOT_DOWNLOADED, isApiError } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';

export function PreviousFindingsPanel({ cycle, unitId }: { cycle: { id: string; year: number }; unitId: string }) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const q = usePreviousFindings(cycle, unitId);
  const body = () => {
    if (q.isPending) return null;
    if (q.isError)
      return (
        <Text size="sm" c="dimmed">
          {isApiError(q.error) && q.error.code === NOT_DOWNLOADED ? t('previous_findings.not_downloaded') : t('previous_findings.none')}
        </Text>
      );
    if (!q.data.cycle)
      return (
        <Text size="sm" c="dimmed">
          {t('previous_findings.no_cycle')}
        </Text>
      );
    if (q.data.items.length === 0)
      return (
        <Text size="sm" c="dimmed">
          {t('previous_findings.none')}
        </Text>
      );
    return (
      <List size="sm" spacing={4} data-testid="previous-findings-list">
        {q.data.items.map((f) => (
          <List.Item key={f.id}>
            <Text span fw={700}>
              {f.indicator}
            </Text>{' '}
            {f.text[format.lang]}{' '}
            <Text span size="xs" c="dimmed">
              (
              {f.levelReached === null
                ? t('previous_findings.level_none', { to: f.nextLevel })
                : t('previous_findings.level', { from: f.levelReached, to: f.nextLevel })}
              )
            </Text>
          </List.Item>
        ))}
      </List>
    );
  };
  return (
    <Alert variant="light" color="gray" p="xs" data-testid="previous-findings">
      <Stack gap={6}>
        <Title order={2} size="h5">
          {q.data?.cycle ? t('previous_findings.title_cycle', { cycle: q.data.cycle.name }) : t('previous_findings.title')}
        </Title>
        {body()}
        {/* issue 12: the pre-check itself (marking a finding resolved) is on the findings screen. */}
        <AnchorLink to="/temuan" search={{ unit: unitId }} size="sm">
          {t('unit.findings_link')}
        </AnchorLink>
      </Stack>
    </Alert>
  );
}
