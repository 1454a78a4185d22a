/**
 * New survey (issue 11): the set-up form for the operator's unit, or for one of the body's units
 * (koordinator); the sampling constants come from the library's skm-2017 file. Opens the new
 * survey's page once created.
 */
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { WIB, zoneOf, zoneOffset } from '../../shared/local-time.ts';
import { PAGE_SIZE_MAX } from '../../shared/wire/limits.ts';
import { useMe } from '../api/auth.ts';
import { useUnits } from '../api/registry.ts';
import { useCreateSurvey } from '../api/surveys-writes.ts';
import { getSchemeQueryOptions } from '../lib/schemes.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { SurveySetupForm } from './survey-setup-form.tsx';

const SKM_SCHEME = 'skm-2017';

export function SurveySetupScreen() {
  const { t } = useTranslation('surveys');
  const me = useMe().data;
  const navigate = useNavigate();
  const isKoordinator = me?.role === 'koordinator';
  const bodyUnits = useUnits(isKoordinator ? (me?.bodyId ?? null) : null, { page: 1, pageSize: PAGE_SIZE_MAX });
  const scheme = useQuery(getSchemeQueryOptions(SKM_SCHEME));
  const create = useCreateSurvey();
  if (!me) return <PageLoader />;
  const units = isKoordinator
    ? (bodyUnits.data?.items ?? []).map((u) => ({ id: u.id, name: u.name }))
    : me.unitId
      ? [{ id: me.unitId, name: me.unitName ?? '' }]
      : [];
  if (isKoordinator && !bodyUnits.isSuccess) return <PageLoader />;
  const offsetMinutes = me.provinceCode ? zoneOffset(zoneOf(me.provinceCode)) : zoneOffset(WIB);
  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={4}>
        <Title order={1} size="h3">
          {t('setup.title')}
        </Title>
        <Text>{t('setup.intro')}</Text>
      </Stack>
      <Card withBorder padding="md">
        <SurveySetupForm
          units={units}
          sampling={scheme.data?.sampling ?? null}
          offsetMinutes={offsetMinutes}
          onCancel={() => void navigate({ to: '/survei' })}
          onSubmit={async (unitId, input) => {
            const survey = await create.mutateAsync({ unitId, input });
            await navigate({ to: '/survei/$surveyId', params: { surveyId: survey.id } });
          }}
        />
      </Card>
    </Stack>
  );
}
