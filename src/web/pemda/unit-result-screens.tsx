/** Route screens around UnitResultView: the koordinator's (any unit of its body) and the operator's (own unit). */
import { Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { AnchorLink } from '../ui/links.tsx';
import { UnitResultView } from './unit-result-view.tsx';

export function PemdaUnitScreen() {
  const { t } = useTranslation('pemda');
  const { cycleId, unitId } = useParams({ from: '/pemda/cycles/$cycleId/units/$unitId' });
  return (
    <Stack gap="md" maw={1100}>
      <AnchorLink to="/pemda/cycles/$cycleId" params={{ cycleId }} size="sm">
        {t('unit.back_body')}
      </AnchorLink>
      <UnitResultView cycleId={cycleId} unitId={unitId} />
    </Stack>
  );
}

export function OperatorUnitScreen() {
  const { t } = useTranslation('pemda');
  const { cycleId } = useParams({ from: '/unit/cycles/$cycleId' });
  const unitId = useMe().data?.unitId;
  return (
    <Stack gap="md" maw={1100}>
      <AnchorLink to="/unit" size="sm">
        {t('unit.back_home')}
      </AnchorLink>
      {unitId && <UnitResultView cycleId={cycleId} unitId={unitId} />}
    </Stack>
  );
}
