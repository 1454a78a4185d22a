/**
 * The unit operator's / koordinator's surveys (issue 11): every survey of the own unit (operator)
 * or of the body's units (koordinator) with its period in words, open/closed/upcoming, accepted
 * responses against the sample target and the flagged count.
 */
import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../core/period-label.ts';
import type { Survey } from '../../shared/wire/surveys.ts';
import { useMe } from '../api/auth.ts';
import { useBodySurveys, useUnitSurveys } from '../api/surveys.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink, ButtonLink } from '../ui/links.tsx';
import { STATE_COLOR, surveyState } from './survey-model.ts';

export function SurveysScreen() {
  const { t } = useTranslation('surveys');
  const me = useMe().data;
  const isKoordinator = me?.role === 'koordinator';
  const unitList = useUnitSurveys(isKoordinator ? null : (me?.unitId ?? null));
  const bodyList = useBodySurveys(isKoordinator ? (me?.bodyId ?? null) : null);
  const list = isKoordinator ? bodyList : unitList;
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4} maw={720}>
          <Title order={1} size="h3">
            {t('list.title')}
          </Title>
          <Text>{isKoordinator ? t('list.intro_koordinator') : t('list.intro')}</Text>
        </Stack>
        <ButtonLink to="/survei/baru">{t('list.create')}</ButtonLink>
      </Group>
      {list.isError ? <Alert color="red">{String(list.error.message)}</Alert> : null}
      {list.isSuccess && list.data.length === 0 ? <Alert>{t('list.none')}</Alert> : null}
      {list.isSuccess && list.data.length > 0 ? <SurveyTable items={list.data} showUnit={isKoordinator} /> : null}
    </Stack>
  );
}

export function SurveyTable({ items, showUnit, now = new Date() }: { items: Survey[]; showUnit: boolean; now?: Date }) {
  const { t } = useTranslation('surveys');
  const f = useFormat();
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={0}>
        <Table className="stack-table" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              {showUnit ? <Table.Th>{t('list.unit')}</Table.Th> : null}
              <Table.Th>{t('list.period')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th ta="right">{t('list.accepted')}</Table.Th>
              <Table.Th ta="right">{t('list.flagged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => {
              const state = surveyState(s, now);
              const period = periodLabel(s.periodKey, f.lang);
              return (
                <Table.Tr key={s.id}>
                  {showUnit ? <Table.Td data-label={t('list.unit')}>{s.unitName}</Table.Td> : null}
                  <Table.Td data-label={t('list.period')}>
                    <AnchorLink to="/survei/$surveyId" params={{ surveyId: s.id }} aria-label={t('list.open_page', { period })}>
                      {period}
                    </AnchorLink>{' '}
                    <Badge variant="outline" size="sm" tt="none">
                      {t(`kind.${s.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td data-label={t('list.status')}>
                    <Badge color={STATE_COLOR[state]} variant="light" c="var(--mantine-color-text)" tt="none">
                      {t(`status.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td data-label={t('list.accepted')} ta="right">
                    {f.integer(s.accepted)} / {f.integer(s.targetSample)}
                  </Table.Td>
                  <Table.Td data-label={t('list.flagged')} ta="right">
                    {f.integer(s.flagged)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
