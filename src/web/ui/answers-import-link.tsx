/** On the asisten's unit workspace: the way to the answer-sheet import (Excel). */
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../ui/links.tsx';

export function AnswersImportLink({ cycleId, unitId }: { cycleId: string; unitId: string }) {
  const { t } = useTranslation('transfer');
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">{t('answers.link_hint')}</Text>
        <ButtonLink to="/assignments/$cycleId/$unitId/import" params={{ cycleId, unitId }} size="xs" variant="light">
          {t('answers.link')}
        </ButtonLink>
      </Group>
    </Paper>
  );
}
