/** Pimpinan (Kepala Perwakilan) home: the open cycles with their dashboard and review queue, then reference links. */
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useCycles } from '../api/cycles.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { HomeCards, RoleHomeHeader } from '../ui/role-home.tsx';
import { openCycles } from './review-model.ts';

function OpenCycles() {
  const { t } = useTranslation('review');
  const format = useFormat();
  const cycles = useCycles();
  if (cycles.isPending) return <PageLoader />;
  if (cycles.isError) return <ErrorView error={cycles.error} onRetry={() => void cycles.refetch()} compact />;
  const open = openCycles(cycles.data);
  return (
    <Stack gap="sm" component="section" aria-labelledby="open-cycles">
      <Title order={2} size="h4" id="open-cycles">
        {t('home.cycles.title')}
      </Title>
      {open.length === 0 && <Text c="dimmed">{t('home.cycles.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {open.map((c) => (
          <Card key={c.id} withBorder padding="md" component="article" aria-label={c.name}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs" align="flex-start">
                <Text fw={650}>{c.name}</Text>
                <Badge variant="light" tt="none">
                  {t(`cycle_status.${c.status}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {c.schemeTitle[format.lang]} ·{' '}
                {t('home.cycles.locus', { bodies: format.integer(c.bodies), units: format.integer(c.units) })}
              </Text>
              <Group gap="xs">
                <ButtonLink
                  to="/review/cycles/$cycleId"
                  params={{ cycleId: c.id }}
                  size="sm"
                  aria-label={t('home.cycles.dashboard_label', { name: c.name })}
                >
                  {t('home.cycles.dashboard')}
                </ButtonLink>
                <ButtonLink
                  to="/review/queue"
                  search={{ cycle: c.id }}
                  size="sm"
                  variant="light"
                  aria-label={t('home.cycles.queue_label', { name: c.name })}
                >
                  {t('home.cycles.queue')}
                </ButtonLink>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function ReviewHomeScreen() {
  const { t } = useTranslation('review');
  const user = useMe().data;
  if (!user) return null;
  return (
    <Stack gap="xl" maw={1100}>
      <RoleHomeHeader user={user}>
        <Text maw={720}>{t('home.intro')}</Text>
      </RoleHomeHeader>
      <PanelBoundary>
        <OpenCycles />
      </PanelBoundary>
      <HomeCards
        cards={[
          {
            title: t('home.cards.bands.title'),
            description: t('home.cards.bands.body'),
            action: (
              <ButtonLink to="/schemes/$schemeId" params={{ schemeId: 'ombudsman-2024' }} variant="light">
                {t('home.cards.bands.action')}
              </ButtonLink>
            ),
          },
          {
            title: t('home.cards.schemes.title'),
            description: t('home.cards.schemes.body'),
            action: (
              <ButtonLink to="/schemes" variant="light">
                {t('home.cards.schemes.action')}
              </ButtonLink>
            ),
          },
          {
            title: t('home.cards.public.title'),
            description: t('home.cards.public.body'),
            action: (
              <ButtonLink to="/" variant="light">
                {t('home.cards.public.action')}
              </ButtonLink>
            ),
          },
        ]}
      />
    </Stack>
  );
}
