/**
 * Paper questionnaires of one survey (issue 11 §6): the unit's operator or koordinator types
 * each paper SKM or F-03 form with its scan (the scan is uploaded first, then the answers go
 * with its sha256). The survey's counts are refetched after each form.
 */
import { Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../core/period-label.ts';
import { useSurveyQuestionnaire } from '../api/surveys.ts';
import { useEnterPaper } from '../api/surveys-writes.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PaperEntryForm } from './paper-entry-form.tsx';

export function PaperEntryScreen() {
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const { t } = useTranslation('surveys');
  const f = useFormat();
  const questionnaire = useSurveyQuestionnaire(surveyId);
  const enter = useEnterPaper(surveyId);
  if (questionnaire.isError) throw questionnaire.error;
  const q = questionnaire.data;
  if (!q) return <PageLoader />;
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <AnchorLink to="/survei/$surveyId" params={{ surveyId }} size="sm">
          ← {t('paper.back')}
        </AnchorLink>
        <Title order={1} size="h3">
          {t('paper.title')}
        </Title>
        <Text fw={600}>
          {q.title[f.lang]} · {q.kind === 'f03' ? q.periodKey : periodLabel(q.periodKey, f.lang)}
        </Text>
        <Text>
          {q.unitName} · {q.bodyName}
        </Text>
        <Text size="sm">{t('paper.intro')}</Text>
      </Stack>
      <PaperEntryForm questionnaire={q} onSave={(form) => enter.mutateAsync(form)} />
    </Stack>
  );
}
